import { describe, expect, it } from '@jest/globals';
import { ConfigError, fields, loadConfig, z } from './index';

const schema = z.object({
  PORT: fields.port(3000),
  DATABASE_URL: fields.postgresUrl,
  FEATURE: fields.bool(false),
});

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const cfg = loadConfig(schema, { DATABASE_URL: 'postgres://u:p@h:5432/db', FEATURE: 'true' });
    expect(cfg).toEqual({ PORT: 3000, DATABASE_URL: 'postgres://u:p@h:5432/db', FEATURE: true });
  });

  it('names every missing or invalid variable', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL: is required');
    expect(message).toContain('PORT:');
  });
});

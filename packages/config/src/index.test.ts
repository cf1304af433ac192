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

describe('production rules (fail closed)', () => {
  const withEnv = z.object({
    NODE_ENV: fields.nodeEnv,
    VENDOR_SECRET: z.string().min(16).default('development-only-secret'),
    PROVIDER: z.enum(['offline']).default('offline'),
  });
  const rules = { required: ['VENDOR_SECRET'], refused: { PROVIDER: { values: ['offline'], why: 'a test-mode stand-in.' } } };

  it('leaves development and test alone', () => {
    expect(loadConfig(withEnv, {}, rules)).toEqual({ NODE_ENV: 'development', VENDOR_SECRET: 'development-only-secret', PROVIDER: 'offline' });
    expect(loadConfig(withEnv, { NODE_ENV: 'test' }, rules).PROVIDER).toBe('offline');
  });

  it('in production, names a required variable left to its default and a refused stand-in value', () => {
    let error: unknown;
    try {
      loadConfig(withEnv, { NODE_ENV: 'production' }, rules);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { variable: 'VENDOR_SECRET', problem: 'is required in production (its default is a development stand-in)' },
      { variable: 'PROVIDER', problem: "'offline' is refused in production: a test-mode stand-in." },
    ]);
  });
});

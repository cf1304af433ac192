import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, readinessWhenWarm, startDeployable, type RunningDeployable } from '@elar/devstack';
import { loadIdentityConfig } from './env';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const baseEnv = { DATABASE_URL: databaseUrl, INTERNAL_TOKEN: 'internal-token-for-tests', IDENTITY_PII_KEY: 'pii-key-for-tests-0123' };
const running: RunningDeployable[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

describe('identity readiness', () => {
  it('stays ready while Temporal is unreachable (sign-in keeps working), reporting Temporal as a separate detail', async () => {
    const identity = await startDeployable('identity', { ...baseEnv, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    running.push(identity);
    expect(await readinessWhenWarm(identity.url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok' }, details: { temporal: 'failing' } } });
  });
});

describe('identity in production fails closed', () => {
  it('refuses the local mail catcher default: SMTP_HOST must be set', () => {
    expect(() => loadIdentityConfig({ ...baseEnv, NODE_ENV: 'production' })).toThrow(/SMTP_HOST: is required in production/);
    expect(loadIdentityConfig({ ...baseEnv, NODE_ENV: 'production', SMTP_HOST: 'smtp.example', PORTAL_URL: 'https://elar.example' }).SMTP_HOST).toBe('smtp.example');
  });

  it('refuses links to a local portal in emails: PORTAL_URL must be set', () => {
    expect(() => loadIdentityConfig({ ...baseEnv, NODE_ENV: 'production', SMTP_HOST: 'smtp.example' })).toThrow(/PORTAL_URL: is required in production/);
  });
});

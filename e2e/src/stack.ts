import { afterAll, beforeAll } from '@jest/globals';
import { startStack, type Stack } from '@elar/devstack';
import { apiClient, type ApiClient } from './client';

/**
 * Starts the whole system for an end-to-end suite: a real Temporal dev server, real PostgreSQL
 * (`TEST_DATABASE_URL`: the run's server, embedded unless named), a real SMTP catcher and every service as its own process.
 */
export function startTestStack(env: Record<string, string> = {}, opts: { gateways?: number } = {}): Promise<Stack> {
  return startStack({
    ...opts,
    mode: 'test',
    postgresServerUrl: process.env.TEST_DATABASE_URL,
    output: process.env.E2E_VERBOSE ? process.stdout : null,
    env: { LOG_LEVEL: 'warn', ...env },
  });
}

/** One stack for the calling test file: started before its tests, stopped after; read `t.stack`, `t.api` inside tests. */
export function useTestStack(env: Record<string, string> = {}, opts: { gateways?: number } = {}): { stack: Stack; api: ApiClient } {
  const t = {} as { stack: Stack; api: ApiClient };
  beforeAll(async () => {
    t.stack = await startTestStack(env, opts);
    t.api = apiClient(t.stack.gatewayUrl, { mail: t.stack.mail });
  }, 240_000);
  afterAll(async () => {
    await t.stack?.stop();
  });
  return t;
}

import { startStack, type Stack } from '@elar/devstack';

/**
 * Starts the whole system for an end-to-end suite: a real Temporal dev server, real PostgreSQL
 * (`TEST_DATABASE_URL`, else embedded PGlite), a real SMTP catcher and every service as its own process.
 */
export function startTestStack(env: Record<string, string> = {}): Promise<Stack> {
  return startStack({
    mode: 'test',
    postgresServerUrl: process.env.TEST_DATABASE_URL,
    output: process.env.E2E_VERBOSE ? process.stdout : null,
    env: { LOG_LEVEL: 'warn', ...env },
  });
}

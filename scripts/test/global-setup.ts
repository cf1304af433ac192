// jest globalSetup: without TEST_DATABASE_URL, every test in the run shares one embedded PostgreSQL
// server (the same real server `npm start` runs, in a temporary folder), exported to the workers
// as TEST_DATABASE_URL. With TEST_DATABASE_URL set, that server is used and nothing is started.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresServer } from '@elar/devstack';

declare global {
  var __ELAR_TEST_POSTGRES__: EmbeddedPostgresServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startEmbeddedPostgres({
    port: await freePort(),
    dataDir: join(tmpdir(), `elar-pg-test-${randomBytes(6).toString('hex')}`),
    persistent: false,
    output: process.env.E2E_VERBOSE ? process.stdout : null,
  });
  globalThis.__ELAR_TEST_POSTGRES__ = server;
  process.env.TEST_DATABASE_URL = server.url;
}

// jest globalTeardown: stops the embedded PostgreSQL server that global-setup.ts started, if any.
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__ELAR_TEST_POSTGRES__;
  if (!server) return;
  globalThis.__ELAR_TEST_POSTGRES__ = undefined;
  delete process.env.TEST_DATABASE_URL;
  await server.stop();
}

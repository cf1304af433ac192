import { join } from 'node:path';
import { Client } from 'pg';
import { waitForPort } from './ports';
import { spawnManaged } from './processes';
import { PROJECT_ROOT } from './root';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * One embedded PostgreSQL database (PGlite, real Postgres in WebAssembly) served over TCP by its
 * own process. PGlite holds one database per instance, so each service gets its own instance and
 * port. `dataDir` keeps the data between runs; without it the database lives in memory.
 */
export async function startEmbeddedPostgres(opts: { port: number; dataDir?: string; output?: NodeJS.WritableStream | null }): Promise<EmbeddedPostgres> {
  const proc = spawnManaged({
    name: `pg:${opts.port}`,
    command: join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    args: [join(__dirname, 'pglite-server.ts'), String(opts.port), ...(opts.dataDir ? [opts.dataDir] : [])],
    output: opts.output,
  });
  await Promise.race([
    waitForPort(opts.port, 60_000),
    proc.exited.then((code) => {
      throw new Error(`embedded PostgreSQL exited (${code}):\n${proc.recentOutput()}`);
    }),
  ]);
  return { url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`, stop: () => proc.stop() };
}

/** Creates a database on a real server (idempotent) and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

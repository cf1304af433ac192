import { join } from 'node:path';
import { Client } from 'pg';
import { spawnManaged } from './processes';
import { PROJECT_ROOT } from './root';

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

/** The services that own a database (their Prisma schema and migrations under services/<name>/prisma). */
export const DATA_SERVICES = ['identity', 'licensing'] as const;
export type DataService = (typeof DATA_SERVICES)[number];

/** `prisma migrate deploy` of a service's migrations (idempotent: applied migrations are skipped). */
export async function migrateDatabase(service: DataService, databaseUrl: string, output: NodeJS.WritableStream | null = null): Promise<void> {
  const prisma = join(PROJECT_ROOT, 'node_modules', '.bin', 'prisma');
  const proc = spawnManaged({
    name: `migrate:${service}`, command: prisma, args: ['migrate', 'deploy', '--config', 'prisma.config.ts'],
    env: { DATABASE_URL: databaseUrl }, cwd: join(PROJECT_ROOT, 'services', service), output,
  });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`prisma migrate deploy for ${service} failed (${code}):\n${proc.recentOutput()}`);
}

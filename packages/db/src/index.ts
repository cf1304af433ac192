import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/** libpq's `sslmode` values that node-postgres can honour (it has no opportunistic `allow`/`prefer`). */
const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

/**
 * TLS settings from the URL's libpq parameters: `sslmode` and `sslrootcert` (a CA bundle file).
 * Without `sslmode`, a CA file means verify-full, and no CA means no TLS (a local database).
 * `require` encrypts without checking the certificate (libpq: verify-ca when a CA file is given);
 * `verify-ca` checks the chain only; `verify-full` checks the chain and the host name.
 */
export function sslFromUrl(u: URL): false | ConnectionOptions {
  const caFile = u.searchParams.get('sslrootcert') ?? undefined;
  const given = u.searchParams.get('sslmode') ?? (caFile ? 'verify-full' : 'disable');
  if (!(SSL_MODES as readonly string[]).includes(given)) {
    throw new Error(`sslmode=${given} is not supported for PostgreSQL here: use ${SSL_MODES.join(', ')}`);
  }
  const mode = given as SslMode;
  if (mode === 'disable') return false;
  if (mode === 'verify-ca' && !caFile) throw new Error('sslmode=verify-ca needs a CA bundle (sslrootcert, or DATABASE_CA_FILE)');
  const ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
  if (mode === 'require' && !ca) return { rejectUnauthorized: false };
  const chainOnly = mode === 'verify-ca' || mode === 'require';
  return { ca, rejectUnauthorized: true, ...(chainOnly ? { checkServerIdentity: () => undefined } : {}) };
}

/**
 * The database URL with a CA bundle file (DATABASE_CA_FILE) added as libpq's `sslrootcert`, so every
 * consumer of the URL (Prisma client, LISTEN client, migrations) verifies the server the same way.
 */
export function withCaFile(url: string, caFile: string | undefined): string {
  if (!caFile) return url;
  const u = new URL(url);
  if (!u.searchParams.has('sslrootcert')) u.searchParams.set('sslrootcert', caFile);
  return u.toString();
}

/**
 * Discrete pg fields from a URL. Prisma's adapter gets these rather than a connection string:
 * with a string, its shadow database connects to the main database instead (TOOLCHAIN.md).
 */
export function poolConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || 'postgres',
    max: Number(u.searchParams.get('pool_max') ?? 10),
    ssl: sslFromUrl(u),
  };
}

/** A service's one connection pool: Prisma runs on it, and so do the hot reads written in SQL. */
export type SqlPool = pg.Pool;
export const createPool = (url: string): SqlPool => new pg.Pool(poolConfigFromUrl(url));

/** Prisma stores DateTime as `timestamp(3)` in UTC; pg would read it as local time. */
const TIMESTAMP_OID = 1114;
const readUtc = (value: string) => new Date(`${value}Z`);
const sqlTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? readUtc : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** One hand-written query's rows, with Prisma's timestamps read as UTC. */
export async function sqlRows<T extends object>(pool: SqlPool, text: string, values: unknown[]): Promise<T[]> {
  return (await pool.query<T>({ text, values, types: sqlTypes })).rows;
}

/** The driver adapter every service's Prisma client and CLI use (offline recipe: no Rust engines). */
export const pgAdapter = (urlOrPool: string | SqlPool) => new PrismaPg(typeof urlOrPool === 'string' ? poolConfigFromUrl(urlOrPool) : urlOrPool);

/**
 * A service's data access: the Prisma client for everything, plus `sql`, the same pool, for the
 * few hot reads that are one hand-written query each (Prisma's query compiler and interpreter cost
 * several times the query itself on those; bench/README.md). Closing it closes the pool.
 */
export function withSqlPool<C extends { $disconnect(): Promise<void> }>(url: string, makeClient: (adapter: PrismaPg) => C): C & { sql: SqlPool } {
  const pool = createPool(url);
  const client = makeClient(pgAdapter(pool));
  const disconnect = client.$disconnect.bind(client);
  return Object.assign(client, {
    sql: pool,
    async $disconnect() {
      await disconnect();
      if (!pool.ended) await pool.end();
    },
  });
}

/** Settings for a service's `prisma.config.ts` (the Prisma CLI reads DATABASE_URL at run time). */
export const prismaCliConfig = (defaultDatabase: string) => ({
  experimental: { adapter: true as const },
  engine: 'js' as const,
  schema: 'prisma/schema.prisma',
  adapter: async () =>
    pgAdapter(withCaFile(process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:5432/${defaultDatabase}`, process.env.DATABASE_CA_FILE)),
});

/** Readiness: the database answers a trivial query. */
export const dbCheck = (db: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** Prisma's code for a unique-constraint violation. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';
export { listenChannel, type ChannelListener, type ListenOptions } from './listen';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

export { poolConfigFromUrl, sslFromUrl, withCaFile } from './pool-config';
import { poolConfigFromUrl, withCaFile } from './pool-config';

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

/**
 * A hand-written query, run as a prepared statement: each connection of the pool parses and plans
 * it once under `name` (unique in the service), then only binds and executes it. On the hot reads
 * that is most of the database's work per request: `GET /applications/{n}` 1.5 ms -> 0.5 ms, `GET
 * /me` 0.25 ms -> 0.10 ms on one connection here (bench/README.md). A migration may change the
 * tables under it: PostgreSQL plans the statement again by itself; only a change of the columns
 * it returns would fail, so these name their columns. (Behind a transaction-mode PgBouncer older
 * than 1.21 prepared statements do not work; the deployment connects to PostgreSQL directly.)
 */
export interface Statement {
  name: string;
  text: string;
}
export const statement = (name: string, text: string): Statement => ({ name, text });

/** One hand-written query's rows, with Prisma's timestamps read as UTC. */
export async function sqlRows<T extends object>(pool: SqlPool, { name, text }: Statement, values: unknown[]): Promise<T[]> {
  return (await pool.query<T>({ name, text, values, types: sqlTypes })).rows;
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

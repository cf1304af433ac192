import { PrismaPg } from '@prisma/adapter-pg';

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
  };
}

/** The driver adapter every service's Prisma client and CLI use (offline recipe: no Rust engines). */
export const pgAdapter = (url: string) => new PrismaPg(poolConfigFromUrl(url));

/** Settings for a service's `prisma.config.ts` (the Prisma CLI reads DATABASE_URL at run time). */
export const prismaCliConfig = (defaultDatabase: string) => ({
  experimental: { adapter: true as const },
  engine: 'js' as const,
  schema: 'prisma/schema.prisma',
  adapter: async () => pgAdapter(process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:5432/${defaultDatabase}`),
});

/** Readiness: the database answers a trivial query. */
export const dbCheck = (db: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** Prisma's code for a unique-constraint violation. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';
export { listenChannel, type ChannelListener, type ListenOptions } from './listen';

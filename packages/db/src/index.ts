import { PrismaPg } from '@prisma/adapter-pg';

export { poolConfigFromUrl, sslFromUrl, withCaFile } from './pool-config';
import { poolConfigFromUrl, withCaFile } from './pool-config';

/** The driver adapter every service's Prisma client and CLI use (offline recipe: no Rust engines). */
export const pgAdapter = (url: string) => new PrismaPg(poolConfigFromUrl(url));

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

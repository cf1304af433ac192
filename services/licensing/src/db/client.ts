import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { poolConfigFromUrl } from './pool-config';

export type Db = PrismaClient;

export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg(poolConfigFromUrl(url)) });
}

/** Readiness: the database answers a trivial query. */
export const dbCheck = (db: Db) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/** Prisma's code for a unique-constraint violation. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

import { withSqlPool } from '@elar/db';
import { PrismaClient } from '../generated/prisma/client';

/** Prisma for everything, and `sql` (the same pool) for the hot reads in `db/hot-reads.ts`. */
export type Db = ReturnType<typeof createDb>;

export const createDb = (url: string) => withSqlPool(url, (adapter) => new PrismaClient({ adapter }));

export { dbCheck, isUniqueViolation } from '@elar/db';

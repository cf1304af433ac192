import { pgAdapter } from '@elar/db';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

export const createDb = (url: string): Db => new PrismaClient({ adapter: pgAdapter(url) });

export { dbCheck, isUniqueViolation } from '@elar/db';

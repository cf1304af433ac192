import { defineConfig } from 'prisma/config';
import { prismaCliConfig } from '@elar/db';

/** Prisma CLI config for the offline recipe (WebAssembly engine through the pg driver adapter). */
export default defineConfig(prismaCliConfig('elar_identity'));

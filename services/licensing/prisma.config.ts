import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import { poolConfigFromUrl } from './src/db/pool-config';

/** Prisma CLI config for the offline recipe (WebAssembly engine through the pg driver adapter). */
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    return new PrismaPg(poolConfigFromUrl(process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/elar_licensing'));
  },
});

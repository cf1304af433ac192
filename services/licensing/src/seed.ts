// Checks the catalog file and the database for the local stack (idempotent: the catalog is a data file,
// read at start, so there is nothing to insert; a broken catalog fails here with the reason).
import { configOrExit } from '@elar/config';
import { loadCatalog } from './catalog/catalog';
import { createDb } from './db/client';
import { loadLicensingConfig } from './env';

async function main() {
  const config = configOrExit(() => loadLicensingConfig());
  const catalog = loadCatalog(config.CATALOG_PATH);
  const db = createDb(config.DATABASE_URL);
  try {
    await db.$queryRaw`SELECT 1`;
    process.stdout.write(`licensing catalog ready (${catalog.licenseTypes.length} license types, ${catalog.fields.length} fields)\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  process.stderr.write(`licensing seed failed: ${err}\n`);
  process.exit(1);
});

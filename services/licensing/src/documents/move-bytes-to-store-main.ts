// `npm run documents:move-to-store -w @elar/licensing`: moves document bytes left in PostgreSQL into
// the configured document store (same environment as the service) and drops the bytes column. Run
// it once the release with the document store has rolled out; running it again does nothing.
import { createLogger } from '@elar/logger';
import { Client } from 'pg';
import { loadLicensingConfig } from '../env';
import { moveDocumentBytesToStore } from './move-bytes-to-store';
import { createStructureScanner } from './scanner';
import { createDocumentStore } from './storage/create-store';

async function main() {
  const config = loadLicensingConfig();
  const logger = createLogger('documents-move', config.LOG_LEVEL);
  const pg = new Client({ connectionString: config.DATABASE_URL });
  const documents = createDocumentStore(config);
  try {
    await pg.connect();
    await documents.check();
    const result = await moveDocumentBytesToStore({ pg, documents, scanner: createStructureScanner(), logger, spoolDir: config.DOCUMENT_SPOOL_DIR });
    logger.info(result, result.bytesColumnDropped ? `moved ${result.moved} documents to the ${documents.kind} store; bytes column dropped` : 'no bytes column: nothing to move');
  } finally {
    await Promise.allSettled([pg.end(), documents.close()]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`documents:move-to-store failed: ${(err as Error).message}\n`);
  process.exit(1);
});

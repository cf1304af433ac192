import { INTERNAL_TOKEN_HEADER, createServiceClient, startServer } from '@elar/http';
import { createLogger } from '@elar/logger';
import { createTemporal } from '@elar/temporal';
import { keepReconcilerSchedule } from '@elar/workflows';
import { createLicensingApp, type LicensingDeps } from './app';
import { createStatusBus } from './applications/status-bus';
import { loadCatalog } from './catalog/catalog';
import { createDb } from './db/client';
import { createStructureScanner } from './documents/scanner';
import { createDocumentStore } from './documents/storage/create-store';
import type { LicensingConfig } from './env';
import { choosePrintVendor } from './hard-copy/choose-print-vendor';
import { choosePaymentProvider } from './payments/choose-provider';

/** Wires the service from config and listens; `stop()` drains and closes everything it opened. */
export async function startLicensing(config: LicensingConfig) {
  const logger = createLogger('licensing', config.LOG_LEVEL);
  const catalog = loadCatalog(config.CATALOG_PATH);
  // Before anything opens connections: a spool that is not writable stops the start here.
  const printVendor = await choosePrintVendor(config);
  const db = createDb(config.DATABASE_URL);
  const temporal = createTemporal({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
  const identity = createServiceClient({ name: 'identity', baseUrl: config.IDENTITY_URL, headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN } });
  const deps: LicensingDeps = {
    config, db, catalog, temporal, identity, logger, payments: choosePaymentProvider(config), bus: createStatusBus({ databaseUrl: config.DATABASE_URL, logger }),
    printVendor,
    documents: createDocumentStore(config), scanner: createStructureScanner(),
  };
  const server = await startServer(createLicensingApp(deps), config.PORT, config.HOST);
  // Pending payments are reconciled by a Temporal Schedule, once per cluster (not a timer per replica).
  const schedule = keepReconcilerSchedule(temporal.client, 'payments', (outcome) => {
    if (outcome instanceof Error) logger.warn({ err: outcome }, 'payments-reconciler schedule not ensured yet');
    else if (outcome === 'created') logger.info('payments-reconciler schedule created');
  });
  logger.info({ url: server.url }, 'licensing listening');
  return {
    server,
    deps,
    async stop() {
      schedule.stop();
      await server.stop();
      await Promise.allSettled([db.$disconnect(), temporal.close(), identity.close(), deps.bus.close(), deps.documents.close()]);
    },
  };
}

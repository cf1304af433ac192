import { createBaseApp, requireInternalToken, type ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { StatusBus } from './applications/status-bus';
import type { Catalog } from './catalog/catalog';
import { dbCheck, type Db } from './db/client';
import type { DocumentScanner } from './documents/scanner';
import type { DocumentStore } from './documents/storage/document-store';
import type { LicensingConfig } from './env';
import type { PrintVendor } from './hard-copy/print-vendor';
import type { PaymentProvider } from './payments/provider';
import { mountEducatorRoutes } from './routes/educator-routes';
import { mountEvaluatorRoutes } from './routes/evaluator-routes';
import { mountHardCopyInternalRoutes } from './routes/hard-copy-internal-routes';
import { mountHardCopyRoutes } from './routes/hard-copy-routes';
import { mountInternalRoutes } from './routes/internal-routes';
import { mountPublicRoutes } from './routes/public-routes';
import { mountRenewalRoutes } from './routes/renewal-routes';
import { mountStaffRoutes } from './routes/staff-routes';

export interface LicensingDeps {
  config: LicensingConfig;
  db: Db;
  catalog: Catalog;
  temporal: TemporalHandle;
  identity: ServiceClient;
  payments: PaymentProvider;
  printVendor: PrintVendor;
  bus: StatusBus;
  logger: Logger;
  /** Where document bytes live (filesystem or S3), and what checks them before anyone may open them. */
  documents: DocumentStore;
  scanner: DocumentScanner;
}

/** The licensing service's HTTP app, without listening (tests use it in-process). */
export function createLicensingApp(deps: LicensingDeps) {
  return createBaseApp({
    metricsToken: deps.config.INTERNAL_TOKEN,
    logger: deps.logger,
    // JSON bodies, including small base64 documents; multipart uploads are streamed, not parsed here.
    bodyLimit: '1mb',
    readiness: [
      { name: 'database', check: dbCheck(deps.db) },
      // Reported, not gating: a Temporal outage must not take sign-in and the catalog out of the Service.
      { name: 'temporal', check: deps.temporal.check, gates: false },
      // Reported, not gating: with the store down, uploads and downloads answer 503 document-store-unavailable and everything else works.
      { name: 'document-store', check: () => deps.documents.check(), gates: false },
    ],
    routes: (app) => {
      app.use(requireInternalToken(deps.config.INTERNAL_TOKEN));
      mountPublicRoutes(app, deps);
      mountEducatorRoutes(app, deps);
      mountEvaluatorRoutes(app, deps);
      mountInternalRoutes(app, deps);
      mountRenewalRoutes(app, deps);
      mountStaffRoutes(app, deps);
      mountHardCopyRoutes(app, deps);
      mountHardCopyInternalRoutes(app, deps);
    },
  });
}

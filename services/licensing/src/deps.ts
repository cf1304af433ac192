import type { ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { StatusBus } from './applications/status-bus';
import type { Catalog } from './catalog/catalog';
import type { Db } from './db/client';
import type { DocumentScanner } from './documents/scanner';
import type { DocumentStore } from './documents/storage/document-store';
import type { LicensingConfig } from './env';
import type { PrintVendor } from './hard-copy/print-vendor';
import type { PaymentProvider } from './payments/provider';

/** What the service's routes and use cases are given (its own module: routes import it, app.ts mounts the routes). */
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

import type { ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { StatusBus } from './applications/status-bus';
import type { Catalog } from './catalog/catalog';
import type { Db } from './db/client';
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
}

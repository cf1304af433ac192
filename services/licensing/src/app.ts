import { createBaseApp, requireInternalToken } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { LicensingConfig } from './env';

export interface LicensingDeps {
  config: LicensingConfig;
  temporal: TemporalHandle;
  logger: Logger;
}

/** The licensing service's HTTP app, without listening (tests use it in-process). */
export function createLicensingApp(deps: LicensingDeps) {
  return createBaseApp({
    logger: deps.logger,
    readiness: [{ name: 'temporal', check: deps.temporal.check }],
    routes: (app) => {
      app.use(requireInternalToken(deps.config.INTERNAL_TOKEN));
    },
  });
}

import { createBaseApp, requireInternalToken } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { Db } from './db/client';
import { dbCheck } from './db/client';
import type { IdentityConfig } from './env';
import type { Onboarding } from './profiles/onboarding';
import type { IdentityMailer } from './notifications/send-notification';
import { mountIdentityRoutes } from './routes';
import type { RevocationRelay } from './session-revocations/relay';

export interface IdentityDeps {
  config: IdentityConfig;
  db: Db;
  mailer: IdentityMailer;
  temporal: TemporalHandle;
  onboarding: Onboarding;
  logger: Logger;
  piiKey: string;
  passwordPolicy: IdentityConfig['PASSWORD_POLICY'];
  revocations: RevocationRelay;
}

/** The identity service's HTTP app, without listening (tests use it in-process). */
export function createIdentityApp(deps: IdentityDeps) {
  return createBaseApp({
    metricsToken: deps.config.INTERNAL_TOKEN,
    logger: deps.logger,
    readiness: [
      { name: 'database', check: dbCheck(deps.db) },
      // Reported, not gating: a Temporal outage must not take sign-in and the catalog out of the Service.
      { name: 'temporal', check: deps.temporal.check, gates: false },
    ],
    routes: (app) => {
      app.use(requireInternalToken(deps.config.INTERNAL_TOKEN));
      mountIdentityRoutes(app, deps);
    },
  });
}

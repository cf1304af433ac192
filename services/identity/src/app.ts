import type { IdentityDeps } from './deps';
import { createBaseApp, requireInternalToken } from '@elar/http';
import { dbCheck } from './db/client';
import { identityHotReads, mountIdentityRoutes } from './routes';

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
    hotReads: identityHotReads(deps),
    routes: (app) => {
      app.use(requireInternalToken(deps.config.INTERNAL_TOKEN));
      mountIdentityRoutes(app, deps);
    },
  });
}

export type { IdentityDeps } from './deps';

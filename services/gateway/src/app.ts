import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { apiRoutes, type RouteSpec } from '@elar/api';
import { createBaseApp, gatewayCsp, type ServiceApp, type ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import { createApiLane } from './api-lane';
import { authenticate, createSessionReader } from './auth/authorize';
import type { SessionCache } from './auth/session-cache';
import { devMailRoutes } from './dev-mail';
import type { GatewayConfig } from './env';
import { buildOpenApiDocument, gatewayRoutes } from './openapi';
import { methodNotAllowed, refuseOtherMethods } from './methods';
import { portalRoutes, type PortalAssets } from './portal';
import { createForwarder, type Upstream } from './proxy';
import type { RateLimits } from './rate-limits';
import { sessionRoutes } from './session-routes';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  identity: ServiceClient;
  upstreams: Record<RouteSpec['service'], Upstream>;
  sessions: SessionCache;
  /** The portal's built files, served at `/` (see ./portal.ts). */
  portal: PortalAssets;
  rateLimits: RateLimits;
}

/**
 * The public entry: the API table's routes forwarded to the services by the lane (./api-lane.ts,
 * `app.listener`), and in Express the gateway's own routes: sessions, OpenAPI and docs, the portal.
 */
export function createGatewayApp(deps: GatewayDeps): ServiceApp {
  const { config, portal } = deps;
  const openapi = buildOpenApiDocument();
  const forward = createForwarder({ internalToken: config.INTERNAL_TOKEN, timeoutMs: config.UPSTREAM_TIMEOUT_MS });
  const readSession = createSessionReader(config.SESSION_SIGNING_KEY, deps.sessions);
  const apiLimit = deps.rateLimits.perMinute('api', config.RATE_LIMIT_PER_MINUTE);
  const lookupLimit = deps.rateLimits.perMinute('lookup', config.LOOKUP_RATE_LIMIT_PER_MINUTE);
  const app = createBaseApp({
    metricsToken: config.INTERNAL_TOKEN,
    logger: deps.logger,
    parseJson: false,
    readiness: [],
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    cspFor: gatewayCsp,
    routes: (app) => {
      // TRACE and TRACK echo requests back (cross-site tracing): refused everywhere.
      app.use((req, res, next) => (['TRACE', 'TRACK'].includes(req.method) ? methodNotAllowed(res, next, []) : next()));
      app.get('/api/v1/openapi.json', (_req, res) => {
        res.json(openapi);
      });
      app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }));
      const api = express.Router();
      api.use(apiLimit.middleware);
      api.use(authenticate(readSession));
      api.use(sessionRoutes({ identity: deps.identity, signingKey: config.SESSION_SIGNING_KEY, sessions: deps.sessions, signInLimiter: deps.rateLimits.perMinute('sign-in', config.SIGN_IN_RATE_LIMIT_PER_MINUTE).middleware, nodeEnv: config.NODE_ENV }));
      if (config.DEV_MAIL_DIR && config.NODE_ENV !== 'production') api.use(devMailRoutes(config.DEV_MAIL_DIR));
      // The API table's routes are answered by the lane before Express sees them; other methods on their paths get 405 here.
      refuseOtherMethods(api, [...gatewayRoutes, ...apiRoutes]);
      app.use('/api/v1', api);
      app.use(portalRoutes(portal));
    },
  });
  app.listener = createApiLane(
    {
      envelope: app.envelope, logger: deps.logger, readSession, sessions: deps.sessions, apiLimit, lookupLimit, forward,
      upstreams: deps.upstreams, trustedProxyHops: config.TRUSTED_PROXY_HOPS, ownRoutes: gatewayRoutes,
      // Upload routes stream under their own, larger limit; every other body stays under BODY_LIMIT_BYTES.
      bodyLimit: config.BODY_LIMIT_BYTES, uploadBodyLimit: config.UPLOAD_BODY_LIMIT_BYTES,
    },
    app,
  );
  return app;
}

import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { apiRoutes, type RouteSpec } from '@elar/api';
import { createBaseApp, gatewayCsp, type ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import { authenticate, authorize, forgetSessionOnSuccess } from './auth/authorize';
import type { SessionCache } from './auth/session-cache';
import { devMailRoutes } from './dev-mail';
import type { GatewayConfig } from './env';
import { buildOpenApiDocument, gatewayRoutes } from './openapi';
import { methodNotAllowed, refuseOtherMethods, toExpressPath } from './methods';
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

/** The public entry: `/api/v1` routes from the API table, sessions, OpenAPI and docs. */
export function createGatewayApp(deps: GatewayDeps) {
  const { config, portal } = deps;
  const openapi = buildOpenApiDocument();
  const forward = createForwarder({ internalToken: config.INTERNAL_TOKEN, timeoutMs: config.UPSTREAM_TIMEOUT_MS, bodyLimit: config.BODY_LIMIT_BYTES });
  return createBaseApp({
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
      api.use(deps.rateLimits.perMinute('api', config.RATE_LIMIT_PER_MINUTE));
      api.use(authenticate(config.SESSION_SIGNING_KEY, deps.sessions));
      api.use(sessionRoutes({ identity: deps.identity, signingKey: config.SESSION_SIGNING_KEY, sessions: deps.sessions, signInLimiter: deps.rateLimits.perMinute('sign-in', config.SIGN_IN_RATE_LIMIT_PER_MINUTE), nodeEnv: config.NODE_ENV }));
      if (config.DEV_MAIL_DIR && config.NODE_ENV !== 'production') api.use(devMailRoutes(config.DEV_MAIL_DIR));
      const lookupLimit = deps.rateLimits.perMinute('lookup', config.LOOKUP_RATE_LIMIT_PER_MINUTE);
      const pass: express.RequestHandler = (_req, _res, next) => next();
      for (const route of apiRoutes) {
        api[route.method](toExpressPath(route.path), route.publicSearch ? lookupLimit : pass, authorize(route.access), (req, res, next) => {
          if (route.endsSession) forgetSessionOnSuccess(req, res, deps.sessions);
          // Upload routes stream under their own, larger limit; every other body stays under BODY_LIMIT_BYTES.
          return forward(deps.upstreams[route.service], req, res, next, route.stream, route.upload ? config.UPLOAD_BODY_LIMIT_BYTES : config.BODY_LIMIT_BYTES);
        });
      }
      refuseOtherMethods(api, [...gatewayRoutes, ...apiRoutes]);
      app.use('/api/v1', api);
      app.use(portalRoutes(portal));
    },
  });
}

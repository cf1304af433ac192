import express from 'express';
import { rateLimit } from 'express-rate-limit';
import swaggerUi from 'swagger-ui-express';
import { apiRoutes, type RouteSpec } from '@elar/api';
import { AppError } from '@elar/errors';
import { createBaseApp, type ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';
import { authenticate, authorize, forgetSessionOnSuccess } from './auth/authorize';
import type { SessionCache } from './auth/session-cache';
import { devMailRoutes } from './dev-mail';
import type { GatewayConfig } from './env';
import { buildOpenApiDocument } from './openapi';
import { portalRoutes, type PortalAssets } from './portal';
import { createForwarder, type Upstream } from './proxy';
import { sessionRoutes } from './session-routes';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  identity: ServiceClient;
  upstreams: Record<RouteSpec['service'], Upstream>;
  sessions: SessionCache;
  /** The portal's built files, served at `/` (see ./portal.ts). */
  portal: PortalAssets;
}

const toExpressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

const limiter = (perMinute: number) =>
  rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'rate-limited', 'Too many requests; slow down and try again in a minute.')),
  });

/** The public entry: `/api/v1` routes from the API table, sessions, OpenAPI and docs. */
export function createGatewayApp(deps: GatewayDeps) {
  const { config, portal } = deps;
  const openapi = buildOpenApiDocument();
  const forward = createForwarder({ internalToken: config.INTERNAL_TOKEN, timeoutMs: config.UPSTREAM_TIMEOUT_MS, bodyLimit: config.BODY_LIMIT_BYTES });
  return createBaseApp({
    logger: deps.logger,
    parseJson: false,
    readiness: [],
    routes: (app) => {
      app.get('/api/v1/openapi.json', (_req, res) => {
        res.json(openapi);
      });
      app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }));
      const api = express.Router();
      api.use(limiter(config.RATE_LIMIT_PER_MINUTE));
      api.use(authenticate(config.SESSION_SIGNING_KEY, deps.sessions));
      api.use(sessionRoutes({ identity: deps.identity, signingKey: config.SESSION_SIGNING_KEY, sessions: deps.sessions, signInLimiter: limiter(config.SIGN_IN_RATE_LIMIT_PER_MINUTE), nodeEnv: config.NODE_ENV }));
      if (config.DEV_MAIL_DIR && config.NODE_ENV !== 'production') api.use(devMailRoutes(config.DEV_MAIL_DIR));
      for (const route of apiRoutes) {
        api[route.method](toExpressPath(route.path), authorize(route.access), (req, res, next) => {
          if (route.endsSession) forgetSessionOnSuccess(req, res, deps.sessions);
          // Upload routes stream under their own, larger limit; every other body stays under BODY_LIMIT_BYTES.
          return forward(deps.upstreams[route.service], req, res, next, route.stream, route.upload ? config.UPLOAD_BODY_LIMIT_BYTES : config.BODY_LIMIT_BYTES);
        });
      }
      app.use('/api/v1', api);
      app.use(portalRoutes(portal));
    },
  });
}

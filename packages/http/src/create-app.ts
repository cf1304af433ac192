import express, { type Express } from 'express';
import type { Logger } from '@elar/logger';
import { errorMiddleware, notFoundHandler } from './error-middleware';
import { createHealth, type Health, type ReadinessCheck } from './health';
import { metricsMiddleware, mountMetricsRoute, processMetrics, type Metrics } from './metrics';
import { requestContext } from './request-context';
import { keepRawBody } from './raw-body';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';

export interface AppOptions {
  logger: Logger;
  readiness?: ReadinessCheck[];
  /** Largest JSON body accepted; larger ones get 413 payload-too-large. */
  bodyLimit?: string;
  /** Mounts the deployable's own routes. */
  routes: (app: Express) => void;
  /** Skip JSON parsing (the gateway streams bodies it forwards). */
  parseJson?: boolean;
  /** Where request metrics go and `/metrics` reads; defaults to the process registry. */
  metrics?: Metrics;
  /**
   * How many proxies in front of this app append to X-Forwarded-For (the gateway's
   * TRUSTED_PROXY_HOPS). 0: the TCP peer is the client and X-Forwarded-For is ignored.
   */
  trustedProxyHops?: number;
  /** `/metrics` answers only callers holding this token (the internal token): never the public. */
  metricsToken: string;
  /** Which Content-Security-Policy a path gets (default: strict everywhere; the gateway passes `gatewayCsp`). */
  cspFor?: (path: string) => 'strict' | 'docs' | 'none';
}

export type ServiceApp = Express & { health: Health };

/** Express with the system's defaults: request ids, logging, health, JSON limits, 404 and error JSON. */
export function createBaseApp(options: AppOptions): ServiceApp {
  const app = express() as ServiceApp;
  app.disable('x-powered-by');
  // Only the configured number of hops: trusting whole address ranges let anyone on them rotate X-Forwarded-For.
  app.set('trust proxy', options.trustedProxyHops ?? 0);
  app.use(securityHeaders({ cspFor: options.cspFor }));
  const health = createHealth(options.readiness ?? []);
  app.health = health;
  app.use(health.router);
  const metrics = options.metrics ?? processMetrics();
  mountMetricsRoute(app, metrics, options.metricsToken);
  app.use(metricsMiddleware(metrics));
  app.use(requestContext);
  const log = requestLog(options.logger, (url) => url === '/metrics');
  if (log) app.use(log);
  if (options.parseJson !== false) app.use(express.json({ limit: options.bodyLimit ?? '100kb', verify: keepRawBody }));
  options.routes(app);
  app.use(notFoundHandler);
  app.use(errorMiddleware(options.logger));
  return app;
}

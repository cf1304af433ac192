import type { RequestListener } from 'node:http';
import express, { type Express, type Request } from 'express';
import type { Logger } from '@elar/logger';
import { errorMiddleware, notFoundHandler } from './error-middleware';
import { createHealth, type Health, type ReadinessCheck } from './health';
import { withRequestContext } from '@elar/logger';
import { hotReadsListener, type HotRead } from './hot-reads';
import { createEnvelope, type Envelope } from './envelope';
import { mountMetricsRoute, processMetrics, type Metrics } from './metrics';
import { keepRawBody } from './raw-body';
import { serviceCsp, type CspKind } from './security-headers';

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
  cspFor?: (path: string) => CspKind;
  /** Reads answered before Express (./hot-reads.ts); they require `metricsToken`, the internal token, as every service route does. */
  hotReads?: HotRead[];
}

/**
 * The Express app, its health switch, the envelope its requests go through, and `listener`, what the
 * server runs: the hot reads (or the gateway's API lane) first, Express for the rest.
 */
export type ServiceApp = Express & { health: Health; envelope: Envelope; listener: RequestListener };

/** The matched route pattern (never the raw path, which would explode label cardinality). */
const routeOf = (req: Request): string => {
  const pattern = (req.route as { path?: string } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  return req.baseUrl ? `${req.baseUrl}/*` : 'unmatched';
};

/** Express with the system's defaults: request ids, logging, health, JSON limits, 404 and error JSON. */
export function createBaseApp(options: AppOptions): ServiceApp {
  const app = express() as ServiceApp;
  app.disable('x-powered-by');
  // Only the configured number of hops: trusting whole address ranges let anyone on them rotate X-Forwarded-For.
  app.set('trust proxy', options.trustedProxyHops ?? 0);
  const metrics = options.metrics ?? processMetrics();
  const envelope = createEnvelope({ logger: options.logger, metrics, cspFor: options.cspFor ?? serviceCsp });
  app.envelope = envelope;
  // One layer for what every request gets (headers, id, metrics, log); the handlers run in its request context.
  app.use((req, res, next) => withRequestContext({ requestId: envelope.open(req, res, () => routeOf(req)) }, next));
  const health = createHealth(options.readiness ?? []);
  app.health = health;
  app.use(health.router);
  mountMetricsRoute(app, metrics, options.metricsToken);
  if (options.parseJson !== false) app.use(express.json({ limit: options.bodyLimit ?? '100kb', verify: keepRawBody }));
  options.routes(app);
  app.use(notFoundHandler);
  app.use(errorMiddleware(options.logger));
  app.listener = hotReadsListener(options.hotReads ?? [], { envelope, logger: options.logger, internalToken: options.metricsToken }, app);
  return app;
}

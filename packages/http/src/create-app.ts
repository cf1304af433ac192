import express, { type Express } from 'express';
import type { Logger } from '@elar/logger';
import { errorMiddleware, notFoundHandler } from './error-middleware';
import { createHealth, type Health, type ReadinessCheck } from './health';
import { metricsMiddleware, mountMetricsRoute, processMetrics, type Metrics } from './metrics';
import { requestContext } from './request-context';
import { requestLog } from './request-log';

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
}

export type ServiceApp = Express & { health: Health };

/** Express with the system's defaults: request ids, logging, health, JSON limits, 404 and error JSON. */
export function createBaseApp(options: AppOptions): ServiceApp {
  const app = express() as ServiceApp;
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const health = createHealth(options.readiness ?? []);
  app.health = health;
  app.use(health.router);
  const metrics = options.metrics ?? processMetrics();
  mountMetricsRoute(app, metrics);
  app.use(metricsMiddleware(metrics));
  app.use(requestContext);
  const log = requestLog(options.logger, (url) => url === '/metrics');
  if (log) app.use(log);
  if (options.parseJson !== false) app.use(express.json({ limit: options.bodyLimit ?? '100kb' }));
  options.routes(app);
  app.use(notFoundHandler);
  app.use(errorMiddleware(options.logger));
  return app;
}

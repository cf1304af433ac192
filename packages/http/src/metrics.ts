import type { Express } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { requireInternalToken } from './principal';

/** Names operators alert on (docs/operations.md); change them only together with the alerts. */
export const METRIC_NAMES = {
  httpRequests: 'http_requests_total',
  httpDuration: 'http_request_duration_seconds',
  applicationsSubmitted: 'applications_submitted_total',
  decisions: 'decisions_total',
  payments: 'payments_total',
  emailsSent: 'emails_sent_total',
  hardCopiesShipped: 'hard_copies_shipped_total',
} as const;

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  domain: ReturnType<typeof createDomainCounters>;
}

function createDomainCounters(registry: Registry) {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    applicationsSubmitted: counter(METRIC_NAMES.applicationsSubmitted, 'License applications submitted.', ['license_type']),
    decisions: counter(METRIC_NAMES.decisions, 'Evaluator decisions recorded.', ['decision']),
    payments: counter(METRIC_NAMES.payments, 'Payments by outcome.', ['outcome']),
    emailsSent: counter(METRIC_NAMES.emailsSent, 'Emails handed to SMTP.', ['template']),
    hardCopiesShipped: counter(METRIC_NAMES.hardCopiesShipped, 'Hard-copy licenses shipped.', []),
  };
}

/** A fresh registry with default Node metrics, HTTP metrics and the domain counters. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  return {
    registry,
    httpRequests: new Counter({ name: METRIC_NAMES.httpRequests, help: 'HTTP requests answered.', labelNames, registers: [registry] }),
    httpDuration: new Histogram({
      name: METRIC_NAMES.httpDuration, help: 'HTTP request latency.', labelNames, registers: [registry],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    domain: createDomainCounters(registry),
  };
}

let perProcess: Metrics | undefined;
/** The process's one registry (each deployable is one process). */
export const processMetrics = (): Metrics => (perProcess ??= createMetrics());

/** Counters services increment: `domainCounters().emailsSent.inc({ template: 'welcome' })`. */
export const domainCounters = () => processMetrics().domain;

type Series = { count: { inc(): void }; time: { observe(v: number): void } };
const boundSeries = new WeakMap<Metrics, Map<string, Series>>();

/**
 * Counts and times one answered request by method, route pattern (never the raw path, which would
 * explode label cardinality) and status. prom-client hashes a labels object on every
 * `inc`/`observe`; here each label combination is bound once per registry (a few dozen per process)
 * and a request costs one map lookup, one counter add and one histogram observe.
 */
export function recordRequest(metrics: Metrics, method: string, route: string, status: number, seconds: number): void {
  let bound = boundSeries.get(metrics);
  if (!bound) boundSeries.set(metrics, (bound = new Map()));
  const key = `${method} ${status} ${route}`;
  let series = bound.get(key);
  if (!series) {
    const labels = { method, route, status: String(status) };
    series = { count: metrics.httpRequests.labels(labels), time: metrics.httpDuration.labels(labels) };
    bound.set(key, series);
  }
  series.count.inc();
  series.time.observe(seconds);
}

export function mountMetricsRoute(app: Express, metrics: Metrics, token: string): void {
  const guard = requireInternalToken(token);
  app.get('/metrics', guard, async (_req, res, next) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (err) {
      next(err);
    }
  });
}

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMetrics } from '@elar/http';
import { ROOT, baseObjects, named, ofKind } from './load-manifests';

/**
 * Every metric and label an alert uses exists: the services' and workers' own metrics are read from
 * the registry packages/http creates; the Temporal SDK's from the Core SDK's exporter (names checked
 * on a live worker by e2e/src/visibility-queries.test.ts; labels as the Core SDK documents them).
 */
const own = createMetrics().registry.getMetricsAsArray().map((m) => ({
  name: m.name,
  labels: (m as unknown as { labelNames: string[] }).labelNames ?? [],
  histogram: (m as unknown as { bucketValues?: unknown }).bucketValues !== undefined,
}));
const SDK_LABELS = ['namespace', 'task_queue', 'workflow_type', 'activity_type', 'worker_type', 'service_name'];
const SDK = ['temporal_workflow_task_execution_failed', 'temporal_activity_execution_failed', 'temporal_workflow_task_schedule_to_start_latency',
  'temporal_activity_schedule_to_start_latency', 'temporal_worker_task_slots_available', 'temporal_sticky_cache_hit', 'temporal_sticky_cache_miss'];
// Labels Prometheus adds to every scraped series (ServiceMonitor / PodMonitor target labels).
const TARGET_LABELS = ['job', 'namespace', 'pod', 'service', 'instance', 'container', 'endpoint'];

const rule = named(baseObjects(), 'PrometheusRule', 'elar-alerts');
const alerts = (rule.spec.groups as { rules: { alert: string; expr: string }[] }[]).flatMap((g) => g.rules);

/** Metric names and the label names a PromQL expression uses (selectors, `by (...)`, `on (...)`). */
function uses(expr: string) {
  const noStrings = expr.replace(/"[^"]*"/g, '""');
  const grouped = [...noStrings.matchAll(/\b(?:by|on|without|ignoring)\s*\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(',').map((l) => l.trim()).filter(Boolean));
  const selectors = [...noStrings.matchAll(/([a-z_:][a-z0-9_:]*)\s*\{([^}]*)\}/g)].map((m) => ({ metric: m[1]!, labels: [...m[2]!.matchAll(/([a-z_][a-z0-9_]*)\s*(=~|!~|!=|=)/g)].map((l) => l[1]!) }));
  const FUNCTIONS = new Set(['sum', 'rate', 'increase', 'histogram_quantile', 'by', 'on', 'and', 'or', 'unless', 'without', 'ignoring', 'day_of_week', 'le']);
  const metrics = [...noStrings.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').replace(/\b(?:by|on|without|ignoring)\s*\([^)]*\)/g, '').matchAll(/\b([a-z_:][a-z0-9_:]*)\b/g)]
    .map((m) => m[1]!)
    .filter((w) => !FUNCTIONS.has(w));
  return { metrics: [...new Set(metrics)], grouped, selectors };
}

/** A series name as exported: histograms add _bucket, _sum, _count. */
function known(metric: string): { labels: string[] } | undefined {
  if (metric === 'up') return { labels: [] };
  const base = metric.replace(/_(bucket|sum|count)$/, '');
  const ours = own.find((m) => m.name === metric || (m.histogram && m.name === base));
  if (ours) return { labels: [...ours.labels, ...(metric.endsWith('_bucket') ? ['le'] : [])] };
  if (SDK.includes(metric) || SDK.includes(base)) return { labels: [...SDK_LABELS, 'le'] };
  return undefined;
}

describe('PrometheusRule elar-alerts', () => {
  it('carries the runbook’s alerts', () => {
    expect(alerts.map((a) => a.alert)).toEqual(expect.arrayContaining([
      'ElarApiErrors', 'ElarApiLatency', 'ElarProcessDown', 'ElarWorkflowTaskFailures', 'ElarActivityFailures',
      'ElarTaskQueueBacklog', 'ElarWorkerSlotsExhausted', 'ElarStickyCacheThrash', 'ElarPaymentsDeclining',
    ]));
    const runbook = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    expect(runbook).toContain('deploy/k8s/base/monitoring/alerts.yaml');
  });

  it.each(alerts.map((a) => [a.alert, a.expr]))('%s uses only metrics and labels that exist', (_name, expr) => {
    const { metrics, grouped, selectors } = uses(expr);
    expect(metrics.length).toBeGreaterThan(0);
    for (const metric of metrics) expect({ metric, known: known(metric) !== undefined }).toEqual({ metric, known: true });
    const allowed = new Set([...TARGET_LABELS, ...metrics.flatMap((m) => known(m)!.labels)]);
    for (const label of grouped) expect({ label, exists: allowed.has(label) }).toEqual({ label, exists: true });
    for (const { metric, labels } of selectors) {
      for (const label of labels) expect({ metric, label, exists: [...TARGET_LABELS, ...known(metric)!.labels].includes(label) }).toEqual({ metric, label, exists: true });
    }
  });

  it('uses label values the code emits', () => {
    const text = alerts.map((a) => a.expr).join('\n');
    expect(text).toContain('outcome="declined"');
    expect(readFileSync(join(ROOT, 'services/licensing/src/payments/offline-provider.ts'), 'utf8')).toContain("status: 'declined'");
    expect(text).toContain('template="welcome"');
    expect(readFileSync(join(ROOT, 'workflows/src/profile-onboarding/workflow.ts'), 'utf8')).toContain("template: 'welcome'");
    expect(text).toContain('worker_type="ActivityWorker"');
  });

  it('the checker catches a misspelt metric or label (it can fail)', () => {
    expect(known('http_request_total')).toBeUndefined();
    expect(known('http_requests_total')!.labels).not.toContain('code');
  });

  it('is in the base, so every overlay ships it', () => {
    expect(ofKind(baseObjects(), 'PrometheusRule')).toHaveLength(1);
  });
});

import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLogger } from '@elar/logger';
import { createBaseApp } from './create-app';
import { createMetrics, domainCounters, processMetrics } from './metrics';

const logger = createLogger('metrics-test', 'silent');
const TOKEN = 'metrics-test-internal-token';
const scrape = (app: Parameters<typeof request>[0]) => request(app).get('/metrics').set('authorization', `Bearer ${TOKEN}`);

function appWith(metrics = createMetrics()) {
  const app = createBaseApp({
    logger,
    metrics,
    metricsToken: TOKEN,
    routes: (a) => {
      a.get('/things/:id', (req, res) => {
        res.json({ id: req.params.id });
      });
    },
  });
  return { app, metrics };
}

describe('/metrics', () => {
  it('answers only callers holding the internal token', async () => {
    const { app } = appWith();
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('internal-token-required');
    expect((await request(app).get('/metrics').set('x-internal-token', TOKEN)).status).toBe(200);
  });

  it('serves Prometheus text with default process metrics', async () => {
    const { app } = appWith();
    const res = await scrape(app);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts requests and records latency by route pattern and status, not raw path', async () => {
    const { app } = appWith();
    await request(app).get('/things/1');
    await request(app).get('/things/2');
    await request(app).get('/nowhere');
    const text = (await scrape(app)).text;
    expect(text).toContain('http_requests_total{method="GET",route="/things/:id",status="200"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/things\/:id",status="200"\} 2/);
    expect(text).not.toContain('/things/1');
  });

  it('exposes the domain counters, and services increment them through domainCounters()', async () => {
    const app = createBaseApp({ logger, metricsToken: TOKEN, routes: () => {} });
    domainCounters().emailsSent.inc({ template: 'welcome' });
    domainCounters().applicationsSubmitted.inc({ license_type: 'initial' });
    const text = (await scrape(app)).text;
    expect(text).toContain('emails_sent_total{template="welcome"} 1');
    expect(text).toContain('applications_submitted_total{license_type="initial"} 1');
    for (const name of ['decisions_total', 'payments_total', 'hard_copies_shipped_total']) expect(text).toContain(`# TYPE ${name} counter`);
    expect(processMetrics()).toBe(processMetrics());
  });
});

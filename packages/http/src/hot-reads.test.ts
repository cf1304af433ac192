import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import request from 'supertest';
import { notFound } from '@elar/errors';
import { createLogger } from '@elar/logger';
import { createBaseApp } from './create-app';
import { createMetrics } from './metrics';
import { encodePrincipal, INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, readPrincipal } from './principal';

const TOKEN = 'hot-reads-test-internal-token';
const lines: string[] = [];
const logger = createLogger('hot-reads-test', 'info', new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } }));
const metrics = createMetrics();

// A service with one hot read and one ordinary Express route (the server runs `app.listener`).
const app = createBaseApp({
  logger,
  metrics,
  metricsToken: TOKEN,
  hotReads: [
    {
      path: '/things/:id',
      async read(req, params, query) {
        const principal = readPrincipal(req, ['educator']);
        if (params.id === 'missing') throw notFound('thing-not-found', 'No such thing.');
        return { id: params.id, owner: principal.userId, sort: query.sort ?? null };
      },
    },
  ],
  routes: (a) => {
    a.get('/things/:id/parts', (req, res) => {
      res.json({ parts: [], of: req.params.id });
    });
  },
});
const server = () => request(app.listener);
const educator = { [INTERNAL_TOKEN_HEADER]: TOKEN, [PRINCIPAL_HEADER]: encodePrincipal({ userId: 'u-1', role: 'educator' }) };

describe('hot reads (answered before Express)', () => {
  it('answer JSON with the headers every route gets: request id and security headers', async () => {
    const res = await server().get('/things/t-9?sort=asc').set(educator).set('x-request-id', 'caller-id-1234');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 't-9', owner: 'u-1', sort: 'asc' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-request-id']).toBe('caller-id-1234');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('refuse callers without the internal token, as every service route does', async () => {
    const res = await server().get('/things/t-9').set(PRINCIPAL_HEADER, educator[PRINCIPAL_HEADER]);
    expect([res.status, res.body.error.code]).toEqual([401, 'internal-token-required']);
  });

  it('answer errors the one way: a role that may not read is 403, a missing record its own 404 code', async () => {
    const evaluator = { ...educator, [PRINCIPAL_HEADER]: encodePrincipal({ userId: 'u-2', role: 'evaluator' }) };
    expect((await server().get('/things/t-9').set(evaluator)).status).toBe(403);
    const missing = await server().get('/things/missing').set(educator);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'thing-not-found']);
  });

  it('answer HEAD with the headers and no body', async () => {
    const res = await server().head('/things/t-9').set(educator);
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.text).toBeUndefined();
  });

  it('take long path parameters too (the read validates them, not the router)', async () => {
    const id = 'x'.repeat(300);
    const res = await server().get(`/things/${id}`).set(educator);
    expect([res.status, res.body.id]).toEqual([200, id]);
  });

  it('leave every other path and method to Express', async () => {
    const parts = await server().get('/things/t-9/parts').set(educator);
    expect(parts.body).toEqual({ parts: [], of: 't-9' });
    const other = await server().post('/things/t-9').set(educator);
    expect([other.status, other.body.error.code]).toEqual([404, 'route-not-found']);
  });

  it('are counted by route pattern and logged like every request', async () => {
    lines.length = 0;
    await server().get('/things/t-7').set(educator).set('x-request-id', 'logged-id-5678');
    const scraped = await server().get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(scraped.text).toMatch(/http_requests_total\{method="GET",route="\/things\/:id",status="200"\} \d+/);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; req?: { id: string; url: string } }).find((l) => l.msg === 'request completed');
    expect(logged?.req).toMatchObject({ id: 'logged-id-5678', url: '/things/t-7' });
  });
});

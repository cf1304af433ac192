import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import request from 'supertest';
import { z } from 'zod';
import { AppError } from '@elar/errors';
import { createLogger } from '@elar/logger';
import { createBaseApp } from './create-app';
import { parse } from './validate';

const lines: string[] = [];
const logger = createLogger('test', 'info', new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } }));

const app = createBaseApp({
  logger,
  metricsToken: 'create-app-test-internal-token',
  bodyLimit: '1kb',
  readiness: [{ name: 'database', check: async () => { throw new Error('down'); } }],
  routes: (a) => {
    a.post('/echo', (req, res) => {
      res.json(parse(z.object({ name: z.string().min(2) }), req.body));
    });
    a.get('/conflict', () => {
      throw new AppError(409, 'already-done', 'Already done.');
    });
    a.get('/boom', async () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
  },
});

describe('service defaults', () => {
  it('answers an unknown route with 404 route-not-found JSON', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route-not-found');
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await request(app).post('/echo').set('content-type', 'application/json').send('{"name":');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid-json']);
    const big = await request(app).post('/echo').send({ name: 'x'.repeat(5000) });
    expect([big.status, big.body.error.code]).toEqual([413, 'payload-too-large']);
  });

  it('names invalid fields with stable codes', async () => {
    const res = await request(app).post('/echo').send({});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation-failed', details: [{ field: 'name', code: 'required' }] });
  });

  it('passes a typed error through with its status and code', async () => {
    const res = await request(app).get('/conflict');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'already-done', message: 'Already done.' } });
  });

  it('hides an unexpected failure behind 500 internal-error, without a stack trace', async () => {
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal-error');
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('echoes the caller’s request id and reports readiness per dependency', async () => {
    const res = await request(app).get('/readyz').set('x-request-id', 'req-abcdef12');
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({ database: 'failing' });
    const echoed = await request(app).get('/nope').set('x-request-id', 'req-abcdef12');
    expect(echoed.headers['x-request-id']).toBe('req-abcdef12');
    expect((await request(app).get('/healthz')).status).toBe(200);
  });
});

describe('request log', () => {
  it('writes one line per answered request, at warn for 4xx, and nothing below the logger level', async () => {
    lines.length = 0;
    await request(app).get('/healthz').set('x-request-id', 'req-logline1');
    await request(app).get('/conflict').set('x-request-id', 'req-logline2');
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
    expect(logged.map((l) => [l.req.id, l.res.statusCode, l.level])).toEqual([['req-logline2', 409, 40]]);

    const quiet: string[] = [];
    const warnOnly = createBaseApp({
      logger: createLogger('test', 'warn', new Writable({ write(c, _e, cb) { quiet.push(String(c)); cb(); } })),
      metricsToken: 'create-app-test-internal-token',
      routes: (a) => a.get('/ok', (_req, res) => void res.json({ ok: true })),
    });
    await request(warnOnly).get('/ok');
    await request(warnOnly).get('/missing');
    expect(quiet.map((l) => JSON.parse(l).res?.statusCode)).toEqual([404]);
  });
});

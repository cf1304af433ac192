import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import type { Stack } from '@elar/devstack';
import { profileOnboardingWorkflowId } from '@elar/workflows';
import { apiClient, newProfile, type ApiClient } from './client';
import { withIdentityDb } from './staff';
import { startTestStack } from './stack';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.gatewayUrl, { mail: stack.mail });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('walking skeleton: gateway -> identity -> Temporal -> worker -> identity -> SMTP', () => {
  it('creates a profile with a MEPID, emails a welcome through the worker, and shows the profile to its owner', async () => {
    const profile = newProfile({ firstName: 'Grace', lastName: 'Hopper' });
    const created = await api.post('/profiles', profile);
    expect(created.status).toBe(201);
    expect(created.body.outcome).toBe('new-profile');
    expect(created.body.mepid).toMatch(/^\d{8}$/);
    expect(created.body.username).toMatch(/^ghopper\d{4}$/);

    const welcome = await stack.mail.waitFor((m) => m.to.includes(profile.contact.email), 60_000);
    expect(welcome.subject).toContain('MEPID');
    expect(welcome.text).toContain(created.body.mepid);
    expect(welcome.text).toContain(created.body.username);

    const signIn = await api.signIn(created.body.username, profile.credentials.password);
    expect(signIn.status).toBe(200);
    const me = await api.get('/me', signIn.body.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ mepid: created.body.mepid, firstName: 'Grace', lastName: 'Hopper', role: 'educator' });
    expect(JSON.stringify(me.body)).not.toContain(profile.identity.dateOfBirth);

    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection });
      const handle = client.workflow.getHandle(profileOnboardingWorkflowId(created.body.mepid));
      expect(await handle.result()).toBe('welcomed');
      const description = await handle.describe();
      expect(description.searchAttributes.MEPID).toEqual([created.body.mepid]);
      // Personal data never enters workflow history.
      const history = JSON.stringify(await handle.fetchHistory());
      expect(history).not.toContain(profile.contact.email);
      expect(history).not.toContain(profile.identity.dateOfBirth);
    } finally {
      await connection.close();
    }
  });

  it('gives two profiles two different MEPIDs and sends each exactly one welcome', async () => {
    const a = newProfile();
    const b = newProfile();
    const [ra, rb] = await Promise.all([api.post('/profiles', a), api.post('/profiles', b)]);
    expect(ra.body.mepid).not.toBe(rb.body.mepid);
    await stack.mail.waitFor((m) => m.to.includes(a.contact.email));
    await stack.mail.waitFor((m) => m.to.includes(b.contact.email));
    expect(stack.mail.messages().filter((m) => m.to.includes(a.contact.email))).toHaveLength(1);
  });

  it('answers a second submission of the same person with exact-match instead of a second profile', async () => {
    const p = newProfile();
    const first = await api.post('/profiles', p);
    expect(first.status).toBe(201);
    const again = await api.post('/profiles', p);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('exact-match');
    expect(again.body.mepid).toBeUndefined();
  });
});

describe('request id: gateway -> identity -> workflow -> activity -> identity', () => {
  it('records the caller’s x-request-id on the welcome email the worker’s activity asked identity to send', async () => {
    const requestId = `trace-${randomBytes(8).toString('hex')}`;
    const profile = newProfile();
    const created = await api.call('POST', '/profiles', { body: profile, headers: { 'x-request-id': requestId } });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    await stack.mail.waitFor((m) => m.to.includes(profile.contact.email), 60_000);

    // The row is written by identity's /internal/notifications, called by the worker's activity:
    // without the id in the workflow and activity headers identity would have made a fresh one.
    const rows = await withIdentityDb(stack.databaseUrls.identity, async (db) =>
      (await db.query(`SELECT template, "requestId" FROM "Notification" WHERE "toAddress" = $1`, [profile.contact.email])).rows);
    expect(rows).toEqual([{ template: 'welcome', requestId }]);

    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const described = await new Client({ connection }).workflow.getHandle(profileOnboardingWorkflowId(created.body.mepid)).describe();
      expect(described.memo).toMatchObject({ requestId });
    } finally {
      await connection.close();
    }
  });
});

describe('gateway edges', () => {
  it('answers an unknown route with 404 JSON', async () => {
    const res = await api.get('/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route-not-found');
  });

  it('answers malformed JSON with 400 invalid-json', async () => {
    const res = await api.call('POST', '/profiles', { raw: '{"identity": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid-json');
  });

  it('answers an oversized body with 413 JSON', async () => {
    const res = await api.call('POST', '/profiles', { raw: JSON.stringify({ pad: 'x'.repeat(2_000_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
  });

  it('names each invalid field with a stable code', async () => {
    const p = newProfile();
    const res = await api.post('/profiles', { ...p, identity: { ...p.identity, ssnLast4: '12a', dateOfBirth: undefined } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation-failed');
    const fields = res.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(fields).toEqual(expect.arrayContaining(['identity.ssnLast4:invalid-format', 'identity.dateOfBirth:required']));
  });

  it('refuses /me without a session (401) and with a forged token (401)', async () => {
    expect((await api.get('/me')).status).toBe(401);
    expect((await api.get('/me', 'v1.eyJ4IjoxfQ.forged')).body.error.code).toBe('invalid-token');
  });

  it('serves an OpenAPI 3.1 document built from the request schemas', async () => {
    const res = await api.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/profiles'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('answers 503 JSON, not a hang, when a service is down', async () => {
    await stack.processes.identity!.stop();
    try {
      const res = await api.post('/profiles', newProfile());
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('service-unavailable');
    } finally {
      await stack.restart('identity');
    }
  });
});

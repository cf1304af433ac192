import { describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { newProfile, retryingBusy } from './client';
import { useTestStack } from './stack';
import { createOrganization, createPerson, withIdentityDb } from './staff';

/**
 * The smaller holes of issue 11, each attempted through the gateway: user-name collisions and
 * non-Latin names, the lookup's wildcards, impossible birth dates, missing security headers, public
 * /metrics, session ids in logs, joining any organization, `staff-exists` across organizations and
 * methods the API does not serve.
 */
const PII_KEY = 'e2e-identity-pii-key-surface-01';
const t = useTestStack({ IDENTITY_PII_KEY: PII_KEY, LOG_LEVEL: 'info', LOOKUP_RATE_LIMIT_PER_MINUTE: '20', SIGN_IN_CODE: 'off' });
const signIn = (username: string, password: string) => t.api.post('/auth/sign-in', { username, password });

describe('user names', () => {
  it('non-Latin names are transliterated, and a taken name (every 4-digit one here) never answers 500', async () => {
    // Every `lwang` + 4 digits is taken, so the old retry (inside an aborted transaction) could only fail.
    await withIdentityDb(t.stack.databaseUrls.identity, (db) =>
      db.query(
        `INSERT INTO "Profile"(id, mepid, username, role, source, "firstName", "lastName", "priorNames", "dateOfBirth", "ssnLast4Digest", "priorLicenseNumbers", "updatedAt")
         SELECT gen_random_uuid()::text, lpad((80000000 + n)::text, 8, '0'), 'lwang' || n, 'EDUCATOR', 'DESE', 'Filler', 'Wang', '{}', '1960-01-01', 'x', '{}', now()
           FROM generate_series(1000, 9999) AS n`,
      ),
    );
    const people = Array.from({ length: 4 }, () => newProfile({ firstName: '李', lastName: '王' }));
    const created = await Promise.all(people.map((p) => retryingBusy(() => t.api.post('/profiles', p))));
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    for (const r of created) expect(r.body.username).toMatch(/^lwang\d{6}$/);
    expect(new Set(created.map((r) => r.body.username)).size).toBe(4);
    const zoe = await t.api.post('/profiles', newProfile({ firstName: 'Zoë', lastName: 'Øster-Ñuñez' }));
    expect(zoe.body.username).toMatch(/^zosternunez\d{4}$/);
  });
});

describe('input a person could not have', () => {
  it('refuses birth dates 0001-01-01 and 2090-01-01, naming the field', async () => {
    for (const dateOfBirth of ['0001-01-01', '2090-01-01']) {
      const res = await t.api.post('/profiles', newProfile({ dateOfBirth }));
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('identity.dateOfBirth');
    }
  });
});

describe('the public lookup', () => {
  it('refuses SQL wildcards and one-letter words, and is rate-limited per address', async () => {
    for (const name of ['%%', '%25', 'a_b', 'J Smith']) {
      const res = await t.api.get(`/licenses/lookup?name=${encodeURIComponent(name)}`);
      expect(res.status).toBe(400);
    }
    expect((await t.api.get('/licenses/lookup')).body).toEqual({ licenses: [] });
    const burst = await Promise.all(Array.from({ length: 25 }, () => t.api.get('/licenses/lookup?name=Nobody%20Here')));
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });
});

describe('security headers and internal endpoints', () => {
  it('every answer carries nosniff and frame options; the API a strict CSP; the docs their own CSP', async () => {
    const api = await request(`${t.stack.gatewayUrl}/api/v1/openapi.json`);
    await api.body.text();
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
    const proxied = await t.api.get('/catalog');
    expect(proxied.headers['x-content-type-options']).toBe('nosniff');
    const docs = await request(`${t.stack.gatewayUrl}/api/docs/`);
    await docs.body.text();
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['x-frame-options']).toBe('DENY');
  });

  it('a forwarded answer keeps the service’s length (one piece, not chunked) and the caller’s request id', async () => {
    const res = await request(`${t.stack.gatewayUrl}/api/v1/catalog`, { headers: { 'x-request-id': 'caller-chosen-id-1' } });
    const body = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('caller-chosen-id-1');
  });

  it('/metrics answers only the internal token, on the gateway and on the services', async () => {
    for (const name of ['gateway', 'identity', 'licensing', 'worker']) {
      const anonymous = await request(t.stack.metricsUrls[name]!);
      await anonymous.body.text();
      expect(anonymous.statusCode).toBe(401);
      const scraper = await request(t.stack.metricsUrls[name]!, { headers: { authorization: `Bearer ${t.stack.env.INTERNAL_TOKEN}` } });
      expect(await scraper.body.text()).toContain('process_cpu_user_seconds_total');
    }
  });

  it('TRACE and methods a path does not serve answer 405 with Allow, not 404', async () => {
    const trace = await t.api.call('TRACE', '/me');
    expect(trace.status).toBe(405);
    const del = await t.api.call('DELETE', '/catalog');
    expect(del.status).toBe(405);
    expect(del.body.error.code).toBe('method-not-allowed');
    expect(del.headers.allow).toContain('GET');
  });
});

describe('session ids never reach a log', () => {
  it('signing in, using and ending a session leaves its id in no process output', async () => {
    const p = newProfile();
    const created = await t.api.post('/profiles', p);
    const token = (await signIn(created.body.username, p.credentials.password)).body.token as string;
    const sid = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
    expect((await t.api.get('/me', token)).status).toBe(200);
    expect((await t.api.post('/auth/sign-out', undefined, token)).status).toBe(204);
    const draft = (await t.api.post('/profile-drafts')).body.draftToken as string;
    await t.api.get(`/profile-drafts/${draft}`);
    await new Promise((r) => setTimeout(r, 500));
    const logs = ['gateway', 'identity'].map((n) => t.stack.processes[n]!.recentOutput()).join('\n');
    // The request logs were captured (the gateway logs every answered request, the sign-out among them).
    expect(logs).toContain('"url":"/api/v1/auth/sign-out"');
    expect(logs).not.toContain(sid);
    expect(logs).not.toContain(draft);
  });
});

describe('organizations', () => {
  it('a self-service profile naming an organization waits for its administrator before joining the staff list', async () => {
    const url = t.stack.databaseUrls.identity;
    const code = `JOIN${Date.now() % 100000}`;
    const orgId = await createOrganization(url, code);
    const admin = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: orgId, password: 'Admin2026' });
    const adminToken = (await signIn(admin.username!, 'Admin2026')).body.token;
    const p = { ...newProfile({ firstName: 'Self', lastName: 'Joiner' }), background: { organizationCodes: [code], priorLicenseNumbers: [] } };
    const created = await t.api.post('/profiles', p);
    const me = await t.api.get('/me', (await signIn(created.body.username, p.credentials.password)).body.token);
    expect(me.body.organization).toBeNull();
    const staff = await t.api.get(`/organizations/${code}/staff`, adminToken);
    expect(staff.body.staff.map((s: { mepid: string }) => s.mepid)).not.toContain(created.body.mepid);
    const requests = await t.api.get(`/organizations/${code}/membership-requests`, adminToken);
    expect(requests.body.requests.map((r: { mepid: string }) => r.mepid)).toEqual([created.body.mepid]);
    const approved = await t.api.post(`/organizations/${code}/membership-requests/${created.body.mepid}`, { decision: 'approve' }, adminToken);
    expect(approved.body.organization.code).toBe(code);
    const after = await t.api.get(`/organizations/${code}/staff`, adminToken);
    expect(after.body.staff.map((s: { mepid: string }) => s.mepid)).toContain(created.body.mepid);
  });

  it('adding a person recorded in another organization does not say so; a duplicate in one\'s own still does', async () => {
    const url = t.stack.databaseUrls.identity;
    const mine = `MINE${Date.now() % 100000}`;
    const theirs = `THRS${Date.now() % 100000}`;
    const mineId = await createOrganization(url, mine);
    const theirsId = await createOrganization(url, theirs);
    await createPerson(url, { organizationId: theirsId, firstName: 'Elsewhere', lastName: 'Person', dateOfBirth: '1980-04-04', ssnLast4: '4444', piiKey: PII_KEY });
    const admin = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: mineId, password: 'Admin2026' });
    const token = (await signIn(admin.username!, 'Admin2026')).body.token;
    const person = { firstName: 'Elsewhere', lastName: 'Person', dateOfBirth: '1980-04-04', ssnLast4: '4444' };
    const elsewhere = await t.api.post(`/organizations/${mine}/staff`, person, token);
    expect(elsewhere.status).toBe(202);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/staff-exists|THRS|\d{8}/);
    const fresh = await t.api.post(`/organizations/${mine}/staff`, { ...person, lastName: 'Newcomer' }, token);
    expect(fresh.status).toBe(201);
    const again = await t.api.post(`/organizations/${mine}/staff`, { ...person, lastName: 'Newcomer' }, token);
    expect(again.body.error.code).toBe('staff-exists');
  });
});

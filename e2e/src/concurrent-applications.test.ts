import { describe, expect, it } from '@jest/globals';
import { apiClient, type ApiClient } from './client';
import { signedInEducator, signedInStaff, until } from './licensing-actors';
import { useTestStack } from './stack';

// The local default stack (npm start, and npm test without TEST_DATABASE_URL) runs on an embedded
// PostgreSQL server. A database that mixed up concurrent connections answered other requests'
// results here (404 right after a 201, 409 after every upload succeeded), so this drives ten
// applications end to end at once and checks every answer belongs to the person who asked.
const t = useTestStack();
const CONCURRENCY = 10;

const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`).toString('base64');
const card = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };

interface Outcome {
  applicationNumber: string;
  mepid: string;
  status: string;
}

type Educator = Awaited<ReturnType<typeof signedInEducator>>;

async function oneApplication(api: ApiClient, evaluator: string, educator: Educator, i: number): Promise<Outcome> {
  const catalog = (await api.get('/catalog')).body;
  const field = catalog.fields[i % catalog.fields.length];
  const draft = await api.post('/applications', { items: [{ kind: 'license', licenseType: catalog.licenseTypes[0].id, field: field.id, gradeLevel: field.gradeLevels[0] }] }, educator.token);
  expect(draft.status).toBe(201);
  const n = draft.body.applicationNumber as string;

  const checklist = await api.get(`/applications/${n}/checklist`, educator.token);
  expect(checklist.status).toBe(200);
  for (const r of (checklist.body.checklist as { id: string; met: boolean }[]).filter((c) => !c.met)) {
    const up = await api.post(`/applications/${n}/documents`, { requirementId: r.id, fileName: `${r.id}.pdf`, contentBase64: PDF(`${n} ${r.id}`) }, educator.token);
    expect(up.status).toBe(201);
  }
  const mine = await api.get(`/applications/${n}`, educator.token);
  expect(mine.status).toBe(200);
  expect(mine.body.applicationNumber).toBe(n);

  expect((await api.post(`/applications/${n}/payments`, { idempotencyKey: `pay-${n}`, card }, educator.token)).status).toBe(201);
  expect((await api.post(`/applications/${n}/submit`, undefined, educator.token)).status).toBe(202);

  // The evaluator claims once the review has reported its first status, then approves.
  await until(`review of ${n} started`, async () => (await api.get(`/applications/${n}`, evaluator)).body.timeline as { actor: string; type: string }[], (tl) => tl.some((e) => e.actor === 'system' && e.type === 'status-changed'), 60_000);
  const claim = await api.post(`/applications/${n}/claim`, undefined, evaluator);
  expect(claim.status).toBe(200);
  const decision = await api.post(`/applications/${n}/decisions`, { action: 'approve' }, evaluator);
  expect(decision.status).toBe(200);

  const final = await until(`${n} issued`, async () => (await api.get(`/applications/${n}`, educator.token)).body, (a) => a.status === 'Issued', 60_000);
  const licenses = (await api.get('/licenses/mine', educator.token)).body.licenses as unknown[];
  expect(licenses).toHaveLength(1);
  return { applicationNumber: final.applicationNumber, mepid: educator.mepid, status: final.status };
}

describe('the local default stack under concurrent use', () => {
  it(`takes ${CONCURRENCY} applications from draft to Issued at once, each answer the asker's own, with no 5xx`, async () => {
    const serverErrors: string[] = [];
    const api = apiClient(t.stack.gatewayUrl, {
      mail: t.stack.mail,
      onResponse: (method, path, status) => {
        if (status >= 500) serverErrors.push(`${status} ${method} ${path}`);
      },
    });
    const evaluator = (await signedInStaff(api, t.stack.databaseUrls.identity, 'EVALUATOR')).token;

    // Profiles first, one after another: password hashing is deliberately bounded (503 busy beyond
    // it); the subject here is the database under concurrent applications.
    const educators: Educator[] = [];
    for (let i = 0; i < CONCURRENCY; i++) educators.push(await signedInEducator(api, t.stack.databaseUrls.identity, 'Concurrent', `Applicant${String.fromCharCode(65 + i)}`));
    const started = Date.now();
    const outcomes = await Promise.all(educators.map((educator, i) => oneApplication(api, evaluator, educator, i)));
    process.stdout.write(`${CONCURRENCY} concurrent applications issued in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    expect(serverErrors).toEqual([]);
    expect(outcomes.map((o) => o.status)).toEqual(Array(CONCURRENCY).fill('Issued'));
    expect(new Set(outcomes.map((o) => o.applicationNumber)).size).toBe(CONCURRENCY);
    expect(new Set(outcomes.map((o) => o.mepid)).size).toBe(CONCURRENCY);
  }, 300_000);
});

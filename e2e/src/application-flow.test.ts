import { describe, expect, it } from '@jest/globals';
import { newProfile } from './client';
import { useTestStack } from './stack';
import { createPerson } from './staff';

const t = useTestStack();

const PDF = Buffer.from('%PDF-1.4\n% e2e test document\n%%EOF\n').toString('base64');
const card = (number: string) => ({ number, expMonth: 12, expYear: 2099, cvc: '123' });

async function signIn(username: string, password: string): Promise<string> {
  const res = await t.api.signIn(username, password);
  expect(res.status).toBe(200);
  return res.body.token as string;
}

/** The value of one Prometheus sample line, 0 when the series does not exist yet. */
async function sample(url: string, series: string): Promise<number> {
  const text = await (await fetch(url, { headers: { authorization: `Bearer ${t.stack.env.INTERNAL_TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('an application from draft to license, counted by licensing', () => {
  it('counts a declined and a successful payment, the submission and the evaluator’s decision', async () => {
    const metrics = t.stack.metricsUrls.licensing!;
    const profile = newProfile();
    const created = await t.api.post('/profiles', profile);
    expect(created.status).toBe(201);
    const educator = await signIn(created.body.username, profile.credentials.password);

    const catalog = (await t.api.get('/catalog')).body;
    const licenseType = catalog.licenseTypes[0].id as string;
    const field = catalog.fields[0];
    const draft = await t.api.post('/applications', { items: [{ kind: 'license', licenseType, field: field.id, gradeLevel: field.gradeLevels[0] }] }, educator);
    expect(draft.status).toBe(201);
    const number = draft.body.applicationNumber as string;

    const checklist = (await t.api.get(`/applications/${number}/checklist`, educator)).body.checklist as { id: string; met: boolean }[];
    for (const r of checklist.filter((c) => !c.met)) {
      const up = await t.api.post(`/applications/${number}/documents`, { requirementId: r.id, fileName: `${r.id}.pdf`, contentBase64: PDF }, educator);
      expect(up.status).toBe(201);
    }

    const before = {
      declined: await sample(metrics, 'payments_total{outcome="declined"}'),
      succeeded: await sample(metrics, 'payments_total{outcome="succeeded"}'),
      submitted: await sample(metrics, `applications_submitted_total{license_type="${licenseType}"}`),
      approved: await sample(metrics, 'decisions_total{decision="approve"}'),
    };
    const declined = await t.api.post(`/applications/${number}/payments`, { idempotencyKey: `pay-${number}-1`, card: card('4000000000000002') }, educator);
    expect(declined.status).toBe(402);
    const paid = await t.api.post(`/applications/${number}/payments`, { idempotencyKey: `pay-${number}-2`, card: card('4242424242424242') }, educator);
    expect(paid.status).toBe(201);
    const replayed = await t.api.post(`/applications/${number}/payments`, { idempotencyKey: `pay-${number}-2`, card: card('4242424242424242') }, educator);
    expect(replayed.status).toBe(200);
    expect((await t.api.post(`/applications/${number}/submit`, undefined, educator)).status).toBe(202);
    expect((await t.api.post(`/applications/${number}/submit`, undefined, educator)).status).toBe(202);

    const evaluator = await createPerson(t.stack.databaseUrls.identity, { role: 'EVALUATOR', password: 'Review2026' });
    const evaluatorToken = await signIn(evaluator.username!, 'Review2026');
    // Claim once the review has reported its first status (its first task has run), as a person would.
    for (let i = 0; i < 100; i++) {
      const timeline = (await t.api.get(`/applications/${number}`, evaluatorToken)).body.timeline as { actor: string; type: string }[];
      if (timeline.some((e) => e.actor === 'system' && e.type === 'status-changed')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const claim = await t.api.post(`/applications/${number}/claim`, undefined, evaluatorToken);
    expect(claim.status).toBe(200);
    const approved = await t.api.post(`/applications/${number}/decisions`, { action: 'approve' }, evaluatorToken);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('Issued');

    expect(await sample(metrics, 'payments_total{outcome="declined"}')).toBe(before.declined + 1);
    expect(await sample(metrics, 'payments_total{outcome="succeeded"}')).toBe(before.succeeded + 1);
    expect(await sample(metrics, `applications_submitted_total{license_type="${licenseType}"}`)).toBe(before.submitted + 1);
    expect(await sample(metrics, 'decisions_total{decision="approve"}')).toBe(before.approved + 1);
  });
});

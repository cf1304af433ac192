import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as PgClient } from 'pg';
import { request } from 'undici';
import type { Stack } from '@elar/devstack';
import { apiClient, type ApiClient } from './client';
import { signedInEducator, signedInStaff, until } from './licensing-actors';
import { startTestStack } from './stack';
import { findWorkflows } from './temporal';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  // Audit sampling off: every paid renewal is processed at once (the audit path has workflow tests).
  stack = await startTestStack({ RENEWAL_AUDIT_SAMPLE_RATE: '0' });
  api = apiClient(stack.gatewayUrl, { mail: stack.mail });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const DAY = 86_400_000;
const date = (d: Date) => d.toISOString().slice(0, 10);
const shiftYears = (d: Date, years: number, days = 0) => {
  const x = new Date(d.getTime() + days * DAY);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
};
const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');
const uniqueName = (prefix: string) => `${prefix}-${[...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/**
 * Licenses are inserted straight into licensing's test database (not through apply -> approve): a
 * Professional license renewable today must have been issued four years ago, which the approval
 * path (issue date = today) cannot produce. Same columns as issue-licenses.ts writes.
 */
async function insertLicense(holder: { profileId: string; mepid: string; firstName: string; lastName: string }, l: { licenseType: string; issueDate: Date; expiresAt: Date | null }) {
  const db = new PgClient({ connectionString: stack.databaseUrls.licensing });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(
      `INSERT INTO "License"(id, "licenseNumber", "profileId", mepid, "holderFirstName", "holderLastName", kind, "licenseType", field, "gradeLevel",
         "issueDate", "expiresAt", "validityKind", "validityYears", status)
       VALUES ($1, nextval('license_number_seq')::text, $2, $3, $4, $5, 'license', $6, 'mathematics', '8-12', $7, $8, $9, 5, 'Active')
       RETURNING "licenseNumber" AS n`,
      [randomUUID(), holder.profileId, holder.mepid, holder.firstName, holder.lastName, l.licenseType, date(l.issueDate), l.expiresAt && date(l.expiresAt),
        l.expiresAt ? 'calendar-years' : 'employment-years'],
    );
    return rows[0]!.n;
  } finally {
    await db.end();
  }
}

const fullPdps = { content: 60, pedagogy: 45, 'sei-esl': 25, 'diverse-learners': 20 };

describe('renewal of a Professional license through the gateway', () => {
  it('refuses too early, not Professional and short PDPs; renews at once when paid; refuses a second renewal', async () => {
    const educator = await signedInEducator(api, stack.databaseUrls.identity, 'Grace', uniqueName('Hopper'));
    const now = new Date();
    const issued = shiftYears(now, -4, -60); // active four years and two months: expires in about ten months
    const due = await insertLicense(educator, { licenseType: 'professional', issueDate: issued, expiresAt: shiftYears(issued, 5) });
    const young = await insertLicense(educator, { licenseType: 'professional', issueDate: shiftYears(now, -1), expiresAt: shiftYears(now, 4) });
    const initial = await insertLicense(educator, { licenseType: 'initial', issueDate: shiftYears(now, -2), expiresAt: null });
    const renew = (licenseNumbers: string[], pdps: Record<string, number> = fullPdps) => api.post('/renewals', { licenseNumbers, pdps, attestation: true }, educator.token);

    const early = await renew([young]);
    expect([early.status, early.body.error.code]).toEqual([409, 'renewal-too-early']);
    expect(early.body.error.details.opensOn).toBe(date(shiftYears(now, 3)));
    const notProfessional = await renew([initial]);
    expect([notProfessional.status, notProfessional.body.error.code]).toEqual([409, 'license-not-renewable']);
    const short = await renew([due], { ...fullPdps, 'sei-esl': 10 });
    expect([short.status, short.body.error.code]).toEqual([422, 'pdps-short']);
    expect(short.body.error.message).toContain('SEI or ESL');
    expect(short.body.error.details).toEqual({ category: 'sei-esl', required: 15, recorded: 10 });
    const shortTotal = await renew([due], { content: 15, pedagogy: 15, 'sei-esl': 15, 'diverse-learners': 15 });
    expect([shortTotal.status, shortTotal.body.error.details]).toEqual([422, { category: 'total', required: 150, recorded: 60 }]);
    expect((await api.post('/renewals', { licenseNumbers: [due], pdps: fullPdps }, educator.token)).status).toBe(400); // no attestation
    expect((await api.post('/renewals', { licenseNumbers: [due], pdps: fullPdps, attestation: true }, undefined)).status).toBe(401);

    const started = Date.now();
    const created = await renew([due]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'Draft', feeCents: 10000, paid: false, licenseNumbers: [due], result: null });
    const n: string = created.body.renewalNumber;
    expect(n).toMatch(/^R-\d{4}-\d{6}$/);

    const declined = await api.post(`/renewals/${n}/payments`, { idempotencyKey: `renew-${randomUUID()}`, card: card('4000000000000002') }, educator.token);
    expect([declined.status, declined.body.error.code]).toEqual([402, 'card-declined']);
    const key = `renew-${randomUUID()}`;
    const paid = await api.post(`/renewals/${n}/payments`, { idempotencyKey: key, card: card('4242424242424242') }, educator.token);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'succeeded', amountCents: 10000, receiptId: expect.stringMatching(/^rcpt_/) });
    const again = await api.post(`/renewals/${n}/payments`, { idempotencyKey: key, card: card('4242424242424242') }, educator.token);
    expect([again.status, again.body.receiptId]).toEqual([200, paid.body.receiptId]);

    const renewed = await until('the renewal to be processed', () => api.get(`/renewals/${n}`, educator.token), (r) => r.body.status === 'Renewed');
    const newExpiry = date(shiftYears(shiftYears(issued, 5), 5));
    expect(renewed.body.result).toEqual([{ licenseNumber: due, previousExpiresAt: date(shiftYears(issued, 5)), expiresAt: newExpiry }]);
    process.stdout.write(`renewal ${n}: paid -> Renewed in ${Date.now() - started} ms\n`);

    const mine = await api.get('/licenses/mine', educator.token);
    expect(mine.body.licenses.find((l: { licenseNumber: string }) => l.licenseNumber === due)).toMatchObject({ expiresAt: newExpiry, status: 'Active' });
    const lookup = await api.get(`/licenses/lookup?licenseNumber=${due}`);
    expect(lookup.body.licenses).toEqual([expect.objectContaining({ licenseNumber: due, license: 'Professional', expiresAt: newExpiry, status: 'Active' })]);
    expect(JSON.stringify(lookup.body)).not.toContain(educator.mepid);
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes('license renewed'), 60_000);
    // The new term's expiry reminders are scheduled, findable in the Temporal UI as the runbook says.
    const reminders = `license-expiry-reminders:${due}:${newExpiry}`;
    expect(await findWorkflows(stack.temporalAddress, `WorkflowId STARTS_WITH 'license-expiry-reminders:${due}:' AND ElarStatus = 'Reminders scheduled'`)).toEqual([reminders]);

    const twice = await renew([due]);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already-renewed']);
    expect((await api.post(`/renewals/${n}/payments`, { idempotencyKey: `renew-${randomUUID()}`, card: card('4242424242424242') }, educator.token)).body.error.code).toBe('already-paid');
    expect((await api.get('/renewals', educator.token)).body.renewals.map((r: { renewalNumber: string }) => r.renewalNumber)).toEqual([n]);
  });
});

describe('evaluator actions and documents through the gateway', () => {
  async function submittedApplication(educator: { token: string }) {
    const draft = await api.post('/applications', { items: [{ kind: 'endorsement', endorsement: 'esl' }] }, educator.token);
    const n: string = draft.body.applicationNumber;
    const doc = await api.post(`/applications/${n}/documents`, { requirementId: 'esl-course-or-test', fileName: 'esl scores.pdf', contentBase64: pdf('esl') }, educator.token);
    expect(doc.status).toBe(201);
    expect((await api.post(`/applications/${n}/payments`, { idempotencyKey: `pay-${randomUUID()}`, card: card('4242424242424242') }, educator.token)).status).toBe(201);
    expect((await api.post(`/applications/${n}/submit`, undefined, educator.token)).status).toBe(202);
    return { n, documentId: doc.body.id as string };
  }

  it('keeps internal notes from the educator, assigns, downloads documents by role, filters the queue by age, and withdraws', async () => {
    const ids = stack.databaseUrls.identity;
    const educator = await signedInEducator(api, ids, 'Mae', uniqueName('Jemison'));
    const stranger = await signedInEducator(api, ids, 'Sally', uniqueName('Ride'));
    const evaluator = await signedInStaff(api, ids, 'EVALUATOR');
    const colleague = await signedInStaff(api, ids, 'EVALUATOR');
    const service = await signedInStaff(api, ids, 'CUSTOMER_SERVICE');
    const admin = await signedInStaff(api, ids, 'DIRECTORY_ADMIN');
    const { n, documentId } = await submittedApplication(educator);

    // Queue age filter: submitted today, so age 0.
    const queued = (q: string) => api.get(`/review/queue?${q}`, evaluator.token).then((r) => r.body.queue.map((e: { applicationNumber: string }) => e.applicationNumber));
    expect(await queued('maxAgeDays=0')).toContain(n);
    expect(await queued('minAgeDays=1')).not.toContain(n);
    expect((await api.get('/review/queue?minAgeDays=-1', evaluator.token)).status).toBe(400);

    // Internal note: evaluators see it in the timeline, the educator never.
    expect((await api.post(`/applications/${n}/claim`, undefined, evaluator.token)).status).toBe(200);
    const secret = `Checked the ESL score report ${randomUUID()}`;
    const noted = await api.post(`/applications/${n}/notes`, { note: secret }, evaluator.token);
    expect(noted.status).toBe(201);
    expect((await api.post(`/applications/${n}/notes`, { note: 'x' }, educator.token)).status).toBe(403);
    const forEvaluator = await api.get(`/applications/${n}`, evaluator.token);
    expect(forEvaluator.body.timeline).toContainEqual(expect.objectContaining({ type: 'internal-note', actor: `evaluator:${evaluator.id}`, detail: { note: secret } }));
    const forEducator = await api.get(`/applications/${n}`, educator.token);
    expect(forEducator.body.timeline.map((e: { type: string }) => e.type)).not.toContain('internal-note');
    expect(JSON.stringify(forEducator.body)).not.toContain(secret);

    // Assignment: not by a colleague who does not hold it; by the holder; by customer service.
    const notHolder = await api.post(`/applications/${n}/assign`, { evaluatorId: colleague.id }, colleague.token);
    expect([notHolder.status, notHolder.body.error.code]).toEqual([409, 'not-assigned-evaluator']);
    // Only to an evaluator: not to a directory administrator, nor to someone who does not exist.
    for (const target of [admin.id, randomUUID()]) {
      const notEvaluator = await api.post(`/applications/${n}/assign`, { evaluatorId: target }, service.token);
      expect([notEvaluator.status, notEvaluator.body.error.code]).toEqual([400, 'assignee-not-evaluator']);
    }
    expect((await api.post(`/applications/${n}/assign`, { evaluatorId: colleague.id }, evaluator.token)).body).toMatchObject({ status: 'Under Review', evaluatorId: colleague.id });
    expect((await api.post(`/applications/${n}/assign`, { evaluatorId: evaluator.id }, service.token)).body.evaluatorId).toBe(evaluator.id);
    expect((await api.post(`/applications/${n}/assign`, { evaluatorId: evaluator.id }, educator.token)).status).toBe(403);
    expect((await api.get(`/applications/${n}`, evaluator.token)).body.assignedEvaluatorId).toBe(evaluator.id);

    // Download: owner, evaluators and customer service; another educator 404; other roles 403.
    const download = (token?: string) => request(`${stack.gatewayUrl}/api/v1/applications/${n}/documents/${documentId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    for (const token of [educator.token, evaluator.token, service.token]) {
      const res = await download(token);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[0-9a-f-]+\.pdf"; filename\*=UTF-8''esl%20scores\.pdf$/);
      expect(Buffer.from(await res.body.arrayBuffer()).toString('base64')).toBe(pdf('esl'));
    }
    const statusOf = async (token?: string) => {
      const res = await download(token);
      await res.body.dump();
      return res.statusCode;
    };
    expect([await statusOf(stranger.token), await statusOf(admin.token), await statusOf(undefined)]).toEqual([404, 403, 401]);

    // Withdraw before a decision: the fee is kept; no further review actions.
    const withdrawn = await api.post(`/applications/${n}/withdraw`, undefined, educator.token);
    expect(withdrawn.body).toEqual({ applicationNumber: n, status: 'Withdrawn' });
    const after = await api.get(`/applications/${n}`, educator.token);
    expect(after.body).toMatchObject({ status: 'Withdrawn', paid: true });
    expect((await api.post(`/applications/${n}/withdraw`, undefined, educator.token)).body.error.code).toBe('application-not-withdrawable');
    expect((await api.post(`/applications/${n}/notes`, { note: 'too late' }, evaluator.token)).status).toBe(409);
    expect((await api.post(`/applications/${n}/decisions`, { action: 'approve' }, evaluator.token)).status).toBe(409);
    expect((await api.post(`/applications/${n}/withdraw`, undefined, stranger.token)).status).toBe(404);

    // A draft is withdrawn without a review.
    const draft = await api.post('/applications', { items: [{ kind: 'endorsement', endorsement: 'sei' }] }, educator.token);
    const draftWithdrawn = await api.post(`/applications/${draft.body.applicationNumber}/withdraw`, undefined, educator.token);
    expect(draftWithdrawn.status).toBe(200);
    expect((await api.get(`/applications/${draft.body.applicationNumber}`, educator.token)).body.status).toBe('Withdrawn');
  });
});

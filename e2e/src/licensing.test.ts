import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Client as PgClient } from 'pg';
import { hashSecret } from '../../services/identity/src/credentials/hashing';
import { signedInEducator as educatorVia, until } from './educators';
import { watchStatus } from './live-status';
import { useTestStack } from './stack';
import { findWorkflows } from './temporal';

const t = useTestStack();

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const signedInEducator = (firstName: string, lastName: string) => educatorVia(t.api, firstName, lastName);

/** Identity's seed is not run in test mode: the test inserts an evaluator into identity's test database. */
async function signedInEvaluator() {
  const username = `evaluator${randomBytes(3).toString('hex')}`;
  const password = 'Evaluate2026';
  const email = `${username}@doe.example`;
  const db = new PgClient({ connectionString: t.stack.databaseUrls.identity });
  await db.connect();
  try {
    const id = randomUUID();
    await db.query(
      `INSERT INTO "Profile" (id, mepid, username, role, source, "firstName", "lastName", "priorNames", "dateOfBirth", "ssnLast4Digest",
         email, "priorLicenseNumbers", "passwordHash", "mustChangePassword", "onboardingStartedAt", "updatedAt")
       VALUES ($1, $2, $3, 'EVALUATOR', 'DESE', 'Eve', 'Valuator', '{}', '1970-01-01', 'not-matched', $4, '{}', $5, false, now(), now())`,
      [id, `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, username, email, await hashSecret(password)],
    );
    const signIn = await t.api.signIn(username, password);
    expect(signIn.status).toBe(200);
    return { token: signIn.body.token as string, id, email };
  } finally {
    await db.end();
  }
}

describe('licensing through the gateway: apply, pay, submit, review with correspondence, issue, look up', () => {
  it('runs the whole journey, charging once and showing every status change live', async () => {
    const educator = await signedInEducator('Katherine', `Johnson-${[...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`);
    const evaluator = await signedInEvaluator();

    const catalog = await t.api.get('/catalog');
    expect(catalog.status).toBe(200);
    expect(catalog.body.fees.application).toEqual({ firstCents: 10000, additionalCents: 2500 });
    // Served from memory with an ETag: a client that has it gets 304 and no body.
    const revalidated = await t.api.call('GET', '/catalog', { headers: { 'if-none-match': String(catalog.headers.etag) } });
    expect([revalidated.status, revalidated.body]).toEqual([304, undefined]);

    // Draft and checklist.
    const draft = await t.api.post('/applications', { items: [{ kind: 'license', licenseType: 'initial', field: 'mathematics', gradeLevel: '8-12' }] }, educator.token);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'Not Ready', feeCents: 10000, paid: false });
    const n: string = draft.body.applicationNumber;
    expect(n).toMatch(/^A-\d{4}-\d{6}$/);
    expect((await t.api.post('/applications', { items: [] }, evaluator.token)).status).toBe(403);
    const checklist = await t.api.get(`/applications/${n}/checklist`, educator.token);
    expect(checklist.body.checklist.map((r: { id: string }) => r.id)).toEqual(['bachelors-transcript', 'mtel-communication-literacy', 'mtel-subject', 'program-completion', 'sei-endorsement']);
    expect(checklist.body.checklist.every((r: { met: boolean }) => !r.met)).toBe(true);

    const live = watchStatus(`${t.stack.gatewayUrl}/api/v1/applications/${n}/events`, educator.token);
    try {
      // Upload abuse: a text file named .pdf, a hostile name; nothing is stored.
      const fake = await t.api.post(`/applications/${n}/documents`, { requirementId: 'bachelors-transcript', fileName: 'transcript.pdf', contentBase64: Buffer.from('just text').toString('base64') }, educator.token);
      expect(fake.status).toBe(415);
      const hostile = await t.api.post(`/applications/${n}/documents`, { requirementId: 'bachelors-transcript', fileName: '../../etc/passwd', contentBase64: pdf('x') }, educator.token);
      expect(hostile.status).toBe(400);
      for (const requirementId of ['bachelors-transcript', 'mtel-communication-literacy', 'program-completion', 'sei-endorsement']) {
        const up = await t.api.post(`/applications/${n}/documents`, { requirementId, fileName: `${requirementId}.pdf`, contentBase64: pdf(requirementId) }, educator.token);
        expect(up.status).toBe(201);
        expect(up.body).toMatchObject({ contentType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      }
      // One requirement still missing: cannot submit.
      expect((await t.api.post(`/applications/${n}/submit`, undefined, educator.token)).body.error.code).toBe('requirements-not-met');
      await t.api.post(`/applications/${n}/documents`, { requirementId: 'mtel-subject', fileName: 'mtel subject.pdf', contentBase64: pdf('mtel') }, educator.token);
      expect((await t.api.get(`/applications/${n}`, educator.token)).body.status).toBe('Pending');

      // Payment: unpaid submit refused; declined card leaves it unpaid; a retried key charges once.
      const unpaid = await t.api.post(`/applications/${n}/submit`, undefined, educator.token);
      expect(unpaid.status).toBe(402);
      expect(unpaid.body.error.code).toBe('payment-required');
      const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });
      const declined = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: `pay-${randomUUID()}`, card: card('4000000000000002') }, educator.token);
      expect(declined.status).toBe(402);
      expect(declined.body.error.code).toBe('card-declined');
      expect((await t.api.get(`/applications/${n}`, educator.token)).body.paid).toBe(false);
      const key = `pay-${randomUUID()}`;
      const [paid, doubleClick] = await Promise.all([
        t.api.post(`/applications/${n}/payments`, { idempotencyKey: key, card: card('4242424242424242') }, educator.token),
        sleep(5).then(() => t.api.post(`/applications/${n}/payments`, { idempotencyKey: key, card: card('4242424242424242') }, educator.token)),
      ]);
      expect([paid.status, doubleClick.status].sort()).toEqual(expect.arrayContaining([201]));
      const receipt = paid.status === 201 ? paid.body : doubleClick.body;
      expect(receipt).toMatchObject({ status: 'succeeded', amountCents: 10000, receiptId: expect.stringMatching(/^rcpt_/), cardLast4: '4242' });
      const retry = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: key, card: card('4242424242424242') }, educator.token);
      expect(retry.status).toBe(200);
      expect(retry.body.receiptId).toBe(receipt.receiptId);
      const second = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: `pay-${randomUUID()}`, card: card('4242424242424242') }, educator.token);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('already-paid');
      const afterPay = await t.api.get(`/applications/${n}`, educator.token);
      expect(afterPay.body.timeline.filter((e: { type: string }) => e.type === 'payment-received')).toHaveLength(1);
      const paidMail = await t.stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject === `ELAR application ${n}: payment received`, 60_000);
      expect(paidMail.text).toContain('Amount: $100.00');
      expect(paidMail.html).toContain(receipt.receiptId);

      // Submit (twice: one review).
      const submitted = await t.api.post(`/applications/${n}/submit`, undefined, educator.token);
      expect(submitted.status).toBe(202);
      expect((await t.api.post(`/applications/${n}/submit`, undefined, educator.token)).status).toBe(202);
      const submittedMail = await t.stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject === `ELAR application ${n}: submitted`, 60_000);
      expect(submittedMail.text).toContain('- Initial license: Mathematics, grades 8-12');
      expect(t.stack.mail.messages().filter((m) => m.subject === submittedMail.subject)).toHaveLength(1); // submitted twice, emailed once
      expect((await t.api.get(`/applications`, educator.token)).body.applications[0]).toMatchObject({ applicationNumber: n, status: 'Ready for Review', paid: true });
      // Operators find the review in the Temporal UI by the numbers people quote.
      expect(await findWorkflows(t.stack.temporalAddress, `ApplicationNumber = '${n}' AND MEPID = '${educator.mepid}'`)).toEqual([`application-review:${n}`]);
      const waiting = await t.api.get(`/applications/${n}`, educator.token);
      expect(waiting.body.queue).toMatchObject({ position: expect.any(Number), estimatedDecisionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

      // Evaluator: queue, claim, request information.
      expect((await t.api.get('/review/queue', educator.token)).status).toBe(403);
      const queue = await t.api.get('/review/queue?status=Ready%20for%20Review', evaluator.token);
      expect(queue.status).toBe(200);
      expect(queue.body.queue.map((q: { applicationNumber: string }) => q.applicationNumber)).toContain(n);
      const claimed = await t.api.post(`/applications/${n}/claim`, undefined, evaluator.token);
      expect(claimed.status).toBe(200);
      expect(claimed.body.status).toBe('Under Review');
      const dueDate = new Date(Date.now() + 10 * 86_400_000).toISOString();
      // Only requirements the educator can answer (the application's own checklist).
      const unknown = await t.api.post(`/applications/${n}/decisions`, { action: 'request-information', missingRequirements: ['no-such-requirement'], dueDate }, evaluator.token);
      expect([unknown.status, unknown.body.error.code, unknown.body.error.details]).toEqual([422, 'unknown-requirement', ['no-such-requirement']]);
      const requested = await t.api.post(`/applications/${n}/decisions`, { action: 'request-information', missingRequirements: ['mtel-subject'], dueDate }, evaluator.token);
      expect(requested.status).toBe(200);
      expect(requested.body.status).toBe('Awaiting Applicant');
      const letterMail = await t.stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes('information requested'), 60_000);
      expect(letterMail.text).toContain(n);
      // Catalog names and a Massachusetts date, not `mtel-subject` and a UTC timestamp.
      expect(letterMail.text).toContain('- Passing MTEL subject matter test scores');
      expect(letterMail.text).not.toContain(dueDate);
      expect(letterMail.text).toMatch(/Reply by: \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M E[SD]T/);
      const refused = await t.api.post(`/applications/${n}/decisions`, { action: 'approve' }, evaluator.token);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('action-not-allowed-in-state');
      const badInput = await t.api.post(`/applications/${n}/decisions`, { action: 'deny' }, evaluator.token);
      expect(badInput.status).toBe(400);

      // Educator uploads and replies: back to the same evaluator, who is emailed.
      const detail = await until('the letter', () => t.api.get(`/applications/${n}`, educator.token), (r) => r.body.correspondence?.length === 1);
      expect(detail.body.correspondence[0]).toMatchObject({ sequence: 1, missingRequirements: ['mtel-subject'], status: 'open' });
      await t.api.post(`/applications/${n}/documents`, { requirementId: 'mtel-subject', fileName: 'mtel-subject-scores.pdf', contentBase64: pdf('scores') }, educator.token);
      const reply = await t.api.post(`/applications/${n}/correspondence/1/reply`, { message: 'Scores attached.' }, educator.token);
      expect(reply.status).toBe(202);
      const back = await until('Under Review again', () => t.api.get(`/applications/${n}`, evaluator.token), (r) => r.body.status === 'Under Review');
      expect(back.body.assignedEvaluatorId).toBe(evaluator.id);
      await t.stack.mail.waitFor((m) => m.to.includes(evaluator.email) && m.subject.includes('applicant replied'), 60_000);

      // Approve: license issued, listed, publicly findable without personal data.
      const approved = await t.api.post(`/applications/${n}/decisions`, { action: 'approve' }, evaluator.token);
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('Issued');
      const mine = await t.api.get('/licenses/mine', educator.token);
      expect(mine.body.licenses).toHaveLength(1);
      const license = mine.body.licenses[0];
      expect(license).toMatchObject({ licenseType: 'initial', field: 'mathematics', gradeLevel: '8-12', status: 'Active', validity: '5 years of employment' });
      const lookup = await t.api.get(`/licenses/lookup?licenseNumber=${license.licenseNumber}`);
      expect(lookup.status).toBe(200);
      expect(lookup.body.licenses).toHaveLength(1);
      expect(Object.keys(lookup.body.licenses[0]).sort()).toEqual(['expiresAt', 'field', 'gradeLevel', 'issueDate', 'license', 'licenseNumber', 'name', 'status']);
      expect(lookup.body.licenses[0]).toMatchObject({ license: 'Initial', field: 'Mathematics', status: 'Active' });
      expect(JSON.stringify(lookup.body)).not.toContain(educator.mepid);
      const byName = await t.api.get(`/licenses/lookup?name=${encodeURIComponent(lookup.body.licenses[0].name)}`);
      expect(byName.body.licenses.map((l: { licenseNumber: string }) => l.licenseNumber)).toContain(license.licenseNumber);
      await t.stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes('license issued'), 60_000);

      // The live stream saw the decisions as they happened, and the timeline holds every event.
      await until('the stream to show Issued', async () => [...live.statuses], (s) => s.includes('Issued'));
      expect(live.statuses).toEqual(expect.arrayContaining(['Not Ready', 'Pending', 'Ready for Review', 'Under Review', 'Awaiting Applicant', 'Issued']));
      const timeline = (await t.api.get(`/applications/${n}`, educator.token)).body.timeline.map((e: { type: string }) => e.type);
      expect(timeline).toEqual(expect.arrayContaining(['created', 'document-uploaded', 'payment-declined', 'payment-received', 'submitted', 'status-changed', 'letter-answered', 'licenses-issued']));
    } finally {
      await live.close();
    }
  });

  it('hides one educator’s application from another (404) and refuses a forged application number (400)', async () => {
    const a = await signedInEducator('Mary', 'Jackson');
    const b = await signedInEducator('Dorothy', 'Vaughan');
    const draft = await t.api.post('/applications', { items: [{ kind: 'endorsement', endorsement: 'esl' }] }, a.token);
    expect(draft.status).toBe(201);
    expect((await t.api.get(`/applications/${draft.body.applicationNumber}`, b.token)).status).toBe(404);
    // Two payments with different keys at once: one charge, the other refused.
    const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 1, cvc: '123' };
    const both = await Promise.all([1, 2].map((i) => t.api.post(`/applications/${draft.body.applicationNumber}/payments`, { idempotencyKey: `race-${i}-${randomUUID()}`, card }, a.token)));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(['already-paid', 'payment-in-progress']).toContain(both.find((r) => r.status === 409)!.body.error.code);
    expect((await t.api.post(`/applications/${draft.body.applicationNumber}/payments`, { idempotencyKey: `race-3-${randomUUID()}`, card }, b.token)).status).toBe(404);
    expect((await t.api.get('/applications/not-a-number', a.token)).status).toBe(400);
    // A lookup without any search field is valid per the OpenAPI document: it finds nobody.
    const empty = await t.api.get('/licenses/lookup');
    expect([empty.status, empty.body.licenses]).toEqual([200, []]);
  });

  it('enforces who may do what: anonymous 401, educators cannot review, evaluators cannot apply or pay', async () => {
    const educator = await signedInEducator('Annie', 'Easley');
    const evaluator = await signedInEvaluator();
    const draft = await t.api.post('/applications', { items: [{ kind: 'license', licenseType: 'provisional', field: 'english', gradeLevel: '5-8' }] }, educator.token);
    const n = draft.body.applicationNumber;
    const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 1, cvc: '123' };
    const cases: [string, string, unknown, string | undefined, number][] = [
      ['POST', '/applications', { items: [] }, undefined, 401],
      ['GET', '/applications', undefined, undefined, 401],
      ['GET', '/review/queue', undefined, educator.token, 403],
      ['POST', `/applications/${n}/claim`, undefined, educator.token, 403],
      ['POST', `/applications/${n}/decisions`, { action: 'approve' }, educator.token, 403],
      ['POST', '/applications', { items: [{ kind: 'endorsement', endorsement: 'sei' }] }, evaluator.token, 403],
      ['POST', `/applications/${n}/payments`, { idempotencyKey: `pay-${randomUUID()}`, card }, evaluator.token, 403],
      ['POST', `/applications/${n}/submit`, undefined, evaluator.token, 403],
      ['GET', '/licenses/mine', undefined, evaluator.token, 403],
      // A draft is not under review: claiming it is a conflict, not a crash.
      ['POST', `/applications/${n}/claim`, undefined, evaluator.token, 409],
      ['GET', `/applications/${n}`, undefined, evaluator.token, 200],
    ];
    for (const [method, path, body, token, status] of cases) {
      const res = await t.api.call(method, path, { body, token });
      expect(`${method} ${path} -> ${res.status}`).toBe(`${method} ${path} -> ${status}`);
    }
  });
});

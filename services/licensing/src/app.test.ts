import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { eventually, freePort, serviceCaller, startServiceHarness, type ServiceHarness } from '@elar/devstack';
import { applicationReviewWorkflowId } from '@elar/workflows';
import { loadLicensingConfig } from './env';
import { startLicensing } from './start';

/**
 * The licensing service in-process (as main.ts runs it) against its own migrated PostgreSQL database
 * and a Temporal test environment; called as the gateway calls it. Identity, which it asks for the
 * applicant's name, is a double answering `GET /me`.
 */
const INTERNAL_TOKEN = 'internal-token-for-service-tests';
const files = mkdtempSync(join(tmpdir(), 'elar-licensing-svc-'));
let harness: ServiceHarness;
let licensing: Awaited<ReturnType<typeof startLicensing>>;
let identityDouble: Server;
let call: ReturnType<typeof serviceCaller>;

beforeAll(async () => {
  harness = await startServiceHarness('licensing');
  const identityPort = await freePort();
  const identity = express().get('/me', (_req, res) => {
    res.json({ firstName: 'Grace', lastName: 'Hopper' });
  });
  identityDouble = identity.listen(identityPort, '127.0.0.1');
  licensing = await startLicensing(loadLicensingConfig({
    DATABASE_URL: harness.databaseUrl, TEMPORAL_ADDRESS: harness.temporal.address, INTERNAL_TOKEN,
    HOST: '127.0.0.1', PORT: String(await freePort()), LOG_LEVEL: 'warn', IDENTITY_URL: `http://127.0.0.1:${identityPort}`,
    DOCUMENT_STORE_DIR: join(files, 'documents'), DOCUMENT_SPOOL_DIR: files, PRINT_SPOOL_DIR: join(files, 'print-spool'),
  }));
  call = serviceCaller(licensing.server.url, INTERNAL_TOKEN);
}, 180_000);

afterAll(async () => {
  await licensing?.stop();
  identityDouble?.close();
  await harness?.stop();
  rmSync(files, { recursive: true, force: true });
});

const educator = { userId: randomUUID(), role: 'educator' as const, mepid: '12345678' };
const evaluator = { userId: randomUUID(), role: 'evaluator' as const };
const card = (number: string) => ({ number, expMonth: 12, expYear: 2099, cvc: '123' });
const PDF = Buffer.from('%PDF-1.4\n% service test document\n%%EOF\n').toString('base64');

async function draft() {
  const catalog = (await call('GET', '/catalog', { as: educator })).body;
  const field = catalog.fields[0];
  const created = await call('POST', '/applications', {
    as: educator, body: { items: [{ kind: 'license', licenseType: catalog.licenseTypes[0].id, field: field.id, gradeLevel: field.gradeLevels[0] }] },
  });
  expect(created.status).toBe(201);
  return created.body.applicationNumber as string;
}

describe('licensing service: applications', () => {
  it('refuses a draft to anyone but an educator (403) and a malformed one (400); creates a draft (201)', async () => {
    expect((await call('POST', '/applications', { as: evaluator, body: { items: [] } })).status).toBe(403);
    const malformed = await call('POST', '/applications', { as: educator, body: { items: [] } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation-failed');
    const number = await draft();
    expect(number).toMatch(/^[A-Z]-\d{4}-\d{6}$/);
    const mine = await call('GET', '/applications', { as: educator });
    expect(mine.body.applications.map((a: { applicationNumber: string }) => a.applicationNumber)).toContain(number);
  });

  it('submits only a complete, paid application: 409 while documents are missing, 402 unpaid, then 202 and a running review in Temporal', async () => {
    const number = await draft();
    const missing = await call('POST', `/applications/${number}/submit`, { as: educator });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('requirements-not-met');

    const checklist = (await call('GET', `/applications/${number}/checklist`, { as: educator })).body.checklist as { id: string; met: boolean }[];
    for (const r of checklist.filter((c) => !c.met)) {
      const up = await call('POST', `/applications/${number}/documents`, { as: educator, body: { requirementId: r.id, fileName: `${r.id}.pdf`, contentBase64: PDF } });
      expect(up.status).toBe(201);
    }
    const unpaid = await call('POST', `/applications/${number}/submit`, { as: educator });
    expect(unpaid.status).toBe(402);
    expect(unpaid.body.error.code).toBe('payment-required');

    const declined = await call('POST', `/applications/${number}/payments`, { as: educator, body: { idempotencyKey: `pay-${number}-1`, card: card('4000000000000002') } });
    expect(declined.status).toBe(402);
    const paid = await call('POST', `/applications/${number}/payments`, { as: educator, body: { idempotencyKey: `pay-${number}-2`, card: card('4242424242424242') } });
    expect(paid.status).toBe(201);
    const replayed = await call('POST', `/applications/${number}/payments`, { as: educator, body: { idempotencyKey: `pay-${number}-2`, card: card('4242424242424242') } });
    expect({ status: replayed.status, receipt: replayed.body }).toEqual({ status: 200, receipt: paid.body });

    expect((await call('POST', `/applications/${number}/submit`, { as: educator })).status).toBe(202);
    const review = harness.temporal.client.workflow.getHandle(applicationReviewWorkflowId(number));
    const described = await eventually(() => review.describe(), (d) => d?.status.name === 'RUNNING');
    expect(described?.type).toBe('applicationReview');
    // A second submit (a double click) starts nothing new.
    expect((await call('POST', `/applications/${number}/submit`, { as: educator })).status).toBe(202);
  });

  it("hides an application from another educator (404) and refuses a decision while no review runs (409 review-not-running)", async () => {
    const number = await draft();
    const stranger = { userId: randomUUID(), role: 'educator' as const };
    expect((await call('GET', `/applications/${number}`, { as: stranger })).status).toBe(404);
    const decision = await call('POST', `/applications/${number}/decisions`, { as: evaluator, body: { action: 'approve' } });
    expect(decision.status).toBe(409);
    expect(decision.body.error.code).toBe('review-not-running');
  });
});

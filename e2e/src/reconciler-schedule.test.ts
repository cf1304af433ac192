import { describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { IDENTITY_RECONCILER_SCHEDULE_ID, PAYMENTS_RECONCILER_SCHEDULE_ID } from '@elar/workflows';
import { signedInEducator } from './educators';
import { useTestStack } from './stack';
import { createPerson, withIdentityDb } from './staff';

const t = useTestStack();

async function temporalClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: t.stack.temporalAddress });
  try {
    return await fn(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

describe('the reconcilers, Temporal Schedules', () => {
  it('is one schedule for the cluster (a restarted identity finds it), and a run welcomes a profile whose onboarding never started', async () => {
    const email = `never-welcomed-${Date.now()}@example.org`;
    const person = await createPerson(t.stack.databaseUrls.identity, { password: 'Teach2026', email });
    // As if identity crashed between committing the profile and starting its onboarding.
    await withIdentityDb(t.stack.databaseUrls.identity, (db) => db.query('UPDATE "Profile" SET "onboardingStartedAt" = NULL WHERE id = $1', [person.id]));
    await t.stack.restart('identity');

    await temporalClient(async (client) => {
      const schedules: string[] = [];
      for await (const s of client.schedule.list()) schedules.push(s.scheduleId);
      expect(schedules.filter((id) => id === IDENTITY_RECONCILER_SCHEDULE_ID)).toHaveLength(1);
      const handle = client.schedule.getHandle(IDENTITY_RECONCILER_SCHEDULE_ID);
      const described = await handle.describe();
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'identityReconciler' });
      expect(described.spec.intervals).toEqual([expect.objectContaining({ every: 60_000 })]);
      await handle.trigger(); // what the schedule does every minute, now
    });
    const welcome = await t.stack.mail.waitFor((m) => m.to.includes(email) && m.headers['x-elar-template'] === 'welcome', 60_000);
    expect(welcome.text).toContain(person.mepid);
    const started = await withIdentityDb(t.stack.databaseUrls.identity, (db) => db.query('SELECT "onboardingStartedAt" FROM "Profile" WHERE id = $1', [person.id]));
    expect(started.rows[0].onboardingStartedAt).not.toBeNull();
  }, 180_000);

  it('a payment left pending by a crash (its key never reached the processor) is settled by the payments reconciler, and the educator can pay again', async () => {
    const educator = await signedInEducator(t.api, 'Pending', 'Payer');
    const draft = await t.api.post('/applications', { items: [{ kind: 'endorsement', endorsement: 'esl' }] }, educator.token);
    const n = draft.body.applicationNumber as string;
    // As if licensing crashed after recording the key and before calling the processor, 11 minutes ago.
    await withIdentityDb(t.stack.databaseUrls.licensing, (db) => db.query(
      `INSERT INTO "Payment"(id, "idempotencyKey", "applicationId", "amountCents", status, "cardLast4", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $2, a.id, 10000, 'pending', '4242', now() - interval '11 minutes', now() - interval '11 minutes' FROM "Application" a WHERE a."applicationNumber" = $1`, [n, `stale-${n}`]));
    const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 1, cvc: '123' };
    const blocked = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: `fresh-${n}`, card }, educator.token);
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'payment-in-progress']);

    await temporalClient(async (client) => {
      const handle = client.schedule.getHandle(PAYMENTS_RECONCILER_SCHEDULE_ID);
      expect((await handle.describe()).action).toMatchObject({ type: 'startWorkflow', workflowType: 'paymentsReconciler' });
      await handle.trigger();
    });
    const settled = async () => (await withIdentityDb(t.stack.databaseUrls.licensing, (db) => db.query('SELECT status, "declineCode" FROM "Payment" WHERE "idempotencyKey" = $1', [`stale-${n}`]))).rows[0];
    for (let i = 0; i < 120 && (await settled()).status === 'pending'; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await settled()).toEqual({ status: 'declined', declineCode: 'not-charged' });
    const paid = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: `fresh-${n}`, card }, educator.token);
    expect(paid.status).toBe(201);
  }, 180_000);
});

import { describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { IDENTITY_RECONCILER_SCHEDULE_ID } from '@elar/workflows';
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

describe('the identity reconciler, a Temporal Schedule', () => {
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
});

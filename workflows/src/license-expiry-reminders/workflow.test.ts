import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import type { createLicenseReminderActivities, createNotificationActivities } from '@elar/activities';
import { SA } from '@elar/vocabulary';
import { HISTORIES_DIR } from '../../test/history-files';
import { eventually, useTimeSkippingEnv, withWorker } from '../../test/time-skipping-harness';
import {
  expiryRemindersQuery, licenseExpiryRemindersWorkflowId, licenseRenewedSignal, reminderSchedule, reminderTime, type LicenseExpiryRemindersInput,
} from './contract';
import { licenseExpiryReminders } from './workflow';

type Activities = ReturnType<typeof createNotificationActivities> & ReturnType<typeof createLicenseReminderActivities>;
const testEnv = useTimeSkippingEnv();
const PLAN = { monthsBefore: [12, 6, 3, 1], onExpiryDay: true };
const DAY = 86_400_000;

/** A license issued "today" (the test server's clock), valid five calendar years. */
function issuedToday(now: number, licenseNumber: string): LicenseExpiryRemindersInput {
  const expires = new Date(now);
  expires.setUTCFullYear(expires.getUTCFullYear() + 5);
  return {
    licenseNumber, profileId: 'profile-1', mepid: '12345678', licenseType: 'professional', field: 'mathematics', gradeLevel: '5-8',
    expiresOn: expires.toISOString().slice(0, 10), plan: PLAN,
  };
}

function mockActivities(expiresOn: () => string) {
  return {
    currentLicenseExpiry: jest.fn<Activities['currentLicenseExpiry']>(async () => ({ expiresOn: expiresOn(), status: 'Active' })),
    sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
  };
}

describe('reminder schedule', () => {
  it('is 12, 6, 3 and 1 months before and the day itself, at 9 AM Boston winter time; month ends clamp', () => {
    expect(reminderSchedule('2031-06-30', PLAN).map((r) => [r.monthsBefore, new Date(r.at).toISOString()])).toEqual([
      [12, '2030-06-30T14:00:00.000Z'], [6, '2030-12-30T14:00:00.000Z'], [3, '2031-03-30T14:00:00.000Z'], [1, '2031-05-30T14:00:00.000Z'], [0, '2031-06-30T14:00:00.000Z'],
    ]);
    expect(new Date(reminderTime('2031-08-31', 6)).toISOString()).toBe('2031-02-28T14:00:00.000Z');
  });
});

describe('license expiry reminders (time skipping)', () => {
  it('emails each reminder once for a license issued today, and none after it is renewed', async () => {
    const env = testEnv();
    const input = issuedToday(await currentTime(env), '500777');
    let licenseExpiresOn = input.expiresOn;
    const acts = mockActivities(() => licenseExpiresOn);
    const schedule = reminderSchedule(input.expiresOn, PLAN);
    await withWorker(env, acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(licenseExpiryReminders, {
        taskQueue, workflowId: licenseExpiryRemindersWorkflowId(input.licenseNumber, input.expiresOn), args: [input],
      });
      // Findable in the Temporal UI by license number, MEPID and state.
      await eventually(() => handle.query(expiryRemindersQuery), (s) => s.next?.monthsBefore === 12);
      const sa = (await handle.describe()).typedSearchAttributes;
      expect([sa.get(SA.licenseNumber), sa.get(SA.mepid), sa.get(SA.status)]).toEqual(['500777', '12345678', 'Reminders scheduled']);

      // Four years pass: the 12-month reminder goes out, exactly once.
      await env.sleep(schedule[0]!.at - (await currentTime(env)) + DAY);
      await eventually(() => handle.query(expiryRemindersQuery), (s) => s.sent.length === 1);
      // Six more months: the 6-month reminder.
      await env.sleep(schedule[1]!.at - (await currentTime(env)) + DAY);
      await eventually(() => handle.query(expiryRemindersQuery), (s) => s.sent.length === 2);
      expect((await handle.query(expiryRemindersQuery)).sent).toEqual([12, 6]);

      // Renewed (licensing moves the expiry and signals): nothing more of this term, however long we wait.
      licenseExpiresOn = '2036-06-30';
      await handle.signal(licenseRenewedSignal);
      const final = await handle.result();
      expect(final).toEqual({ state: 'renewed', sent: [12, 6] });
      await env.sleep(2 * 365 * DAY);
      expect((await handle.describe()).typedSearchAttributes.get(SA.status)).toBe('Renewed');
      // RECORD_HISTORIES=1 saves this run for the replay test (a later change must still replay it).
      if (process.env.RECORD_HISTORIES === '1') {
        const history = (await handle.fetchHistory()) as { toJSON?: () => unknown };
        writeFileSync(join(HISTORIES_DIR, 'license-expiry-reminders-renewed.json'), `${JSON.stringify(history.toJSON?.() ?? history, null, 2)}\n`);
      }
    });
    expect(acts.sendNotification.mock.calls.map(([c]) => [c.template, c.data?.monthsBefore, c.idempotencyKey])).toEqual([
      ['license-expiry-reminder', 12, `license-expiry-reminders:500777:${input.expiresOn}:12`],
      ['license-expiry-reminder', 6, `license-expiry-reminders:500777:${input.expiresOn}:6`],
    ]);
  });

  it('sends no reminder when the license was renewed but the signal never came', async () => {
    const env = testEnv();
    const input = issuedToday(await currentTime(env), '500778');
    const acts = mockActivities(() => '2036-01-01');
    await withWorker(env, acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(licenseExpiryReminders, {
        taskQueue, workflowId: licenseExpiryRemindersWorkflowId(input.licenseNumber, input.expiresOn), args: [input],
      });
      expect((await handle.result()).state).toBe('renewed');
    });
    expect(acts.sendNotification).not.toHaveBeenCalled();
  });

  it('sends all five on time when nothing is renewed, then ends as expired', async () => {
    const env = testEnv();
    const input = issuedToday(await currentTime(env), '500779');
    const acts = mockActivities(() => input.expiresOn);
    await withWorker(env, acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(licenseExpiryReminders, {
        taskQueue, workflowId: licenseExpiryRemindersWorkflowId(input.licenseNumber, input.expiresOn), args: [input],
      });
      expect(await handle.result()).toEqual({ state: 'expired', sent: [12, 6, 3, 1, 0] });
    });
    expect(acts.sendNotification).toHaveBeenCalledTimes(5);
  });
});

/** The time-skipping server's clock (shared by the file's tests: earlier tests moved it on). */
const currentTime = (env: ReturnType<typeof testEnv>) => env.currentTimeMs();

import { describe, expect, it, jest } from '@jest/globals';
import type { createNotificationActivities, createRenewalActivities } from '@elar/activities';
import { SA } from '@elar/vocabulary';
import { eventually, expectRefusedWhileRunning, useTimeSkippingEnv, withWorker } from '../../test/time-skipping-harness';
import { licenseRenewalWorkflowId, renewalDecisionUpdate, renewalStateQuery, type LicenseRenewalInput } from './contract';
import { licenseRenewal } from './workflow';

type Activities = ReturnType<typeof createRenewalActivities> & ReturnType<typeof createNotificationActivities>;
const testEnv = useTimeSkippingEnv();

const mockActivities = () => ({
  recordRenewalStatus: jest.fn<Activities['recordRenewalStatus']>(async () => ({ recorded: true })),
  sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
});

/** Holds the workflow inside the activity call recording `status` until `release()`, so Updates meet it running. */
function holdAt(acts: ReturnType<typeof mockActivities>, status: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  acts.recordRenewalStatus.mockImplementation(async (c) => {
    if (c.status === status) await released;
    return { recorded: true };
  });
  return release;
}

const input = (renewalNumber: string, audit: boolean): LicenseRenewalInput => ({ renewalNumber, profileId: 'profile-1', mepid: '12345678', licenseNumber: '500001', audit });
const start = (taskQueue: string, i: LicenseRenewalInput) =>
  testEnv().client.workflow.start(licenseRenewal, { taskQueue, workflowId: licenseRenewalWorkflowId(i.renewalNumber), args: [i] });

describe('license renewal workflow', () => {
  it('processes a paid renewal at once: Processing -> Renewed, emailed once, findable by MEPID, license number and status', async () => {
    const acts = mockActivities();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, input('R-2026-000001', false));
      expect((await handle.result()).status).toBe('Renewed');
      const sa = (await handle.describe()).typedSearchAttributes;
      expect(sa.get(SA.mepid)).toBe('12345678');
      expect(sa.get(SA.licenseNumber)).toBe('500001');
      expect(sa.get(SA.status)).toBe('Renewed');
    });
    expect(acts.recordRenewalStatus.mock.calls.map(([c]) => [c.status, c.idempotencyKey])).toEqual([
      ['Processing', 'license-renewal:R-2026-000001:Processing'], ['Renewed', 'license-renewal:R-2026-000001:Renewed'],
    ]);
    expect(acts.sendNotification.mock.calls.map(([c]) => c.template)).toEqual(['license-renewed']);
  });

  it('holds an audit sample Under Review until an evaluator approves; refuses a second decision', async () => {
    const acts = mockActivities();
    const release = holdAt(acts, 'Renewed');
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, input('R-2026-000002', true));
      await eventually(() => handle.query(renewalStateQuery), (s) => s.status === 'Under Review');
      expect(acts.recordRenewalStatus.mock.calls.map(([c]) => c.status)).toEqual(['Under Review']);
      const approved = await handle.executeUpdate(renewalDecisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] });
      expect(approved).toEqual({ status: 'Renewed', evaluatorId: 'ev-1' });
      // Still running (recording Renewed): a second decision is refused by the validator, not by a closed workflow.
      await expectRefusedWhileRunning(handle, renewalDecisionUpdate, [{ action: 'deny', evaluatorId: 'ev-2', reason: 'Late change of mind.' }], { type: 'action-not-allowed-in-state' });
      release();
      expect((await handle.result()).status).toBe('Renewed');
    });
    expect(acts.recordRenewalStatus.mock.calls.map(([c]) => [c.status, c.evaluatorId])).toEqual([['Under Review', undefined], ['Renewed', 'ev-1']]);
  });

  it('denies an audit sample with a reason (a denial without one is refused) and extends nothing', async () => {
    const acts = mockActivities();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, input('R-2026-000003', true));
      await expect(handle.executeUpdate(renewalDecisionUpdate, { args: [{ action: 'deny', evaluatorId: 'ev-1', reason: ' ' }] })).rejects.toMatchObject({ cause: { type: 'invalid-decision' } });
      const denied = await handle.executeUpdate(renewalDecisionUpdate, { args: [{ action: 'deny', evaluatorId: 'ev-1', reason: 'PDP records missing.' }] });
      expect(denied.status).toBe('Denied');
      await handle.result();
    });
    expect(acts.recordRenewalStatus.mock.calls.map(([c]) => c.status)).toEqual(['Under Review', 'Denied']);
    expect(acts.sendNotification.mock.calls.map(([c]) => c.template)).toEqual(['renewal-denied']);
  });

  it('refuses a decision on a renewal that is not an audit sample (processed at once, nothing to decide)', async () => {
    const acts = mockActivities();
    const release = holdAt(acts, 'Processing');
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, input('R-2026-000004', false));
      await eventually(async () => acts.recordRenewalStatus.mock.calls.length, (n) => n === 1);
      await expectRefusedWhileRunning(handle, renewalDecisionUpdate, [{ action: 'approve', evaluatorId: 'ev-1' }], { type: 'action-not-allowed-in-state', message: expect.stringContaining('Processing') });
      release();
      expect((await handle.result()).status).toBe('Renewed');
    });
    // The refused decision left no trace: processed by no one.
    expect(acts.recordRenewalStatus.mock.calls.map(([c]) => [c.status, c.evaluatorId])).toEqual([['Processing', undefined], ['Renewed', undefined]]);
  });
});

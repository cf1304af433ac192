import { describe, expect, it, jest } from '@jest/globals';
import type { createLicensingActivities, createNotificationActivities } from '@elar/activities';
import { eventually, expectRefusedWhileRunning, useTimeSkippingEnv, withWorker } from '../../test/time-skipping-harness';
import { correspondenceWorkflowId } from '../correspondence/contract';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, reviewStateQuery } from './contract';
import { assignUpdate, noteUpdate, withdrawUpdate } from './staff-updates-contract';
import { applicationReview } from './workflow';

type Activities = ReturnType<typeof createLicensingActivities> & ReturnType<typeof createNotificationActivities>;
const DAY = 86_400_000;
const testEnv = useTimeSkippingEnv();

const mockActivities = () => ({
  recordApplicationStatus: jest.fn<Activities['recordApplicationStatus']>(async () => ({ recorded: true })),
  openCorrespondence: jest.fn<Activities['openCorrespondence']>(async () => ({ correspondenceId: 'c-1' })),
  issueLicense: jest.fn<Activities['issueLicense']>(async () => ({ licenseNumbers: ['500001'] })),
  sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
});

const start = (taskQueue: string, applicationNumber: string) =>
  testEnv().client.workflow.start(applicationReview, {
    taskQueue, workflowId: applicationReviewWorkflowId(applicationNumber),
    args: [{ applicationNumber, profileId: 'profile-1', mepid: '12345678', licenseType: 'initial' }],
  });

describe('application review: internal note, assignment and withdrawal Updates', () => {
  it('accepts notes from evaluators while open, changing no status, and refuses them once decided', async () => {
    const acts = mockActivities();
    // The denial email is sent after the decision, from the main loop: held there, the review is decided but still running.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    acts.sendNotification.mockImplementation(async () => {
      await released;
      return { notificationId: 'n', status: 'sent' as const };
    });
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-100001');
      expect((await handle.executeUpdate(noteUpdate, { args: [{ evaluatorId: 'ev-1', noteId: 'note-1' }] })).status).toBe('Ready for Review');
      // In the queue (status recorded) before the claim: a claim that comes first is kept and the status not recorded again.
      await eventually(async () => acts.recordApplicationStatus.mock.calls.length, (n) => n === 1);
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'deny', evaluatorId: 'ev-1', reason: 'Not eligible.' }] });
      await eventually(async () => acts.sendNotification.mock.calls.length, (n) => n === 1);
      // Decided: the validator refuses a note while the review still runs.
      await expectRefusedWhileRunning(handle, noteUpdate, [{ evaluatorId: 'ev-1', noteId: 'note-2' }], { type: 'action-not-allowed-in-state', message: expect.stringContaining('Denied') });
      release();
      expect((await handle.result()).status).toBe('Denied');
    });
    // A note changes no status: nothing reported for it.
    expect(acts.recordApplicationStatus.mock.calls.map(([c]) => c.status)).toEqual(['Ready for Review', 'Under Review', 'Denied']);
  });

  it('lets customer service assign a waiting application and only the holder pass it on', async () => {
    const acts = mockActivities();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-100002');
      await expect(handle.executeUpdate(assignUpdate, { args: [{ byId: 'ev-9', byRole: 'evaluator', evaluatorId: 'ev-9' }] })).rejects.toMatchObject({ cause: { type: 'not-assigned-evaluator' } });
      const assigned = await handle.executeUpdate(assignUpdate, { args: [{ byId: 'cs-1', byRole: 'customer-service', evaluatorId: 'ev-1' }] });
      expect(assigned).toMatchObject({ status: 'Under Review', evaluatorId: 'ev-1' });
      await expect(handle.executeUpdate(assignUpdate, { args: [{ byId: 'ev-2', byRole: 'evaluator', evaluatorId: 'ev-2' }] })).rejects.toMatchObject({ cause: { type: 'not-assigned-evaluator' } });
      const passed = await handle.executeUpdate(assignUpdate, { args: [{ byId: 'ev-1', byRole: 'evaluator', evaluatorId: 'ev-2' }] });
      expect(passed.evaluatorId).toBe('ev-2');
      // The old holder can no longer decide; the new one can.
      await expect(handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] })).rejects.toMatchObject({ cause: { type: 'not-assigned-evaluator' } });
      expect((await handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-2' }] })).status).toBe('Issued');
    });
    const reports = acts.recordApplicationStatus.mock.calls.map(([c]) => [c.status, c.evaluatorId, c.detail?.assignedTo]);
    expect(reports).toEqual([
      ['Ready for Review', undefined, undefined], ['Under Review', 'ev-1', 'ev-1'], ['Under Review', 'ev-2', 'ev-2'], ['Issued', 'ev-2', undefined],
    ]);
  });

  it('withdraws on the applicant’s request, ending an open letter, and refuses anyone else', async () => {
    const acts = mockActivities();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const number = 'A-2026-100003';
      const handle = await start(taskQueue, number);
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const dueDate = new Date((await testEnv().currentTimeMs()) + 365 * DAY).toISOString();
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['mtel-subject'], dueDate }] });
      await eventually(async () => acts.sendNotification.mock.calls.length, (c) => c > 0);
      await expect(handle.executeUpdate(withdrawUpdate, { args: [{ profileId: 'someone-else' }] })).rejects.toMatchObject({ cause: { type: 'not-assigned-evaluator' } });
      expect((await handle.executeUpdate(withdrawUpdate, { args: [{ profileId: 'profile-1' }] })).status).toBe('Withdrawn');
      expect((await handle.result()).status).toBe('Withdrawn');
      const child = await testEnv().client.workflow.getHandle(correspondenceWorkflowId(number, 1)).describe();
      expect(child.status.name).not.toBe('RUNNING');
      expect((await handle.query(reviewStateQuery)).status).toBe('Withdrawn');
    });
    expect(acts.recordApplicationStatus.mock.calls.map(([c]) => c.status).at(-1)).toBe('Withdrawn');
    expect(acts.issueLicense).not.toHaveBeenCalled();
  });
});

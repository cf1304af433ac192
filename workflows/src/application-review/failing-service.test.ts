import { describe, expect, it, jest } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import type { createLicensingActivities, createNotificationActivities } from '@elar/activities';
import { eventually, useTimeSkippingEnv, withWorker } from '../../test/time-skipping-harness';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, reviewStateQuery } from './contract';
import { assignUpdate, withdrawUpdate } from './staff-updates-contract';
import { applicationReview } from './workflow';

type Activities = ReturnType<typeof createLicensingActivities> & ReturnType<typeof createNotificationActivities>;
const DAY = 86_400_000;
const testEnv = useTimeSkippingEnv();

/** Licensing as the activities see it, with a switch: while `down` is set, every call fails with it. */
function flakyLicensing() {
  const service = { down: undefined as ApplicationFailure | undefined };
  const guard = async <T>(value: T): Promise<T> => {
    if (service.down) throw service.down;
    return value;
  };
  const acts = {
    recordApplicationStatus: jest.fn<Activities['recordApplicationStatus']>(() => guard({ recorded: true })),
    openCorrespondence: jest.fn<Activities['openCorrespondence']>(() => guard({ correspondenceId: 'c-1' })),
    issueLicense: jest.fn<Activities['issueLicense']>(() => guard({ licenseNumbers: ['500001'] })),
    sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
  };
  return { service, acts };
}

/** What the activities' client throws for a 4xx (non-retryable, typed by the code) and for a 5xx (retryable). */
const clientError = () => ApplicationFailure.nonRetryable('The profile has no email address.', 'no-email-on-file');
const serverError = () => ApplicationFailure.retryable('The licensing service answered 500.', 'upstream-error');

const start = (taskQueue: string, applicationNumber: string) =>
  testEnv().client.workflow.start(applicationReview, {
    taskQueue, workflowId: applicationReviewWorkflowId(applicationNumber),
    args: [{ applicationNumber, profileId: 'profile-1', mepid: '12345678', licenseType: 'initial' }],
  });

const refusalType = async (p: Promise<unknown>) => p.then(() => 'accepted', (err: { cause?: { type?: string } }) => err.cause?.type ?? 'no type');

describe('application review Updates when licensing fails: refused at once, never a jammed review', () => {
  it('claim: a 4xx refuses the claim with the service’s code and the next claim succeeds', async () => {
    const { service, acts } = flakyLicensing();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-200001');
      await eventually(async () => acts.recordApplicationStatus.mock.calls.length, (n) => n === 1);
      service.down = clientError();
      expect(await refusalType(handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] }))).toBe('no-email-on-file');
      expect(await handle.query(reviewStateQuery)).toEqual({ status: 'Ready for Review', letters: 0 });
      service.down = undefined;
      expect((await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] })).status).toBe('Under Review');
      await handle.terminate('test over');
    });
  });

  it('claim: a status step that landed at licensing but answered too late is refused, and licensing is then told the status was put back', async () => {
    const { service, acts } = flakyLicensing();
    // Licensing records the claim's status, but its answer never reaches the worker (a lost answer).
    acts.recordApplicationStatus.mockImplementation(async (input) => {
      if (input.status === 'Under Review' && service.down) throw service.down;
      return { recorded: true };
    });
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-200004');
      await eventually(async () => acts.recordApplicationStatus.mock.calls.length, (n) => n === 1);
      service.down = serverError();
      expect(await refusalType(handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] }))).toBe('service-unavailable');
      const statuses = async () => acts.recordApplicationStatus.mock.calls.map(([c]) => c.status);
      const recorded = await eventually(statuses, (s) => s.at(-1) === 'Ready for Review' && s.includes('Under Review'));
      expect(recorded[0]).toBe('Ready for Review');
      expect(new Set(acts.recordApplicationStatus.mock.calls.map(([c]) => c.idempotencyKey)).size).toBeGreaterThan(2);
      service.down = undefined;
      expect((await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] })).status).toBe('Under Review');
      expect((await statuses()).at(-1)).toBe('Under Review');
      await handle.terminate('test over');
    });
  });

  it('decision: a service down (5xx) refuses an approval as service-unavailable within seconds; approving later issues once', async () => {
    const { service, acts } = flakyLicensing();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-200002');
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      service.down = serverError();
      const started = Date.now();
      expect(await refusalType(handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] }))).toBe('service-unavailable');
      expect(Date.now() - started).toBeLessThan(14_000); // inside the gateway's 15 s upstream timeout
      expect((await handle.query(reviewStateQuery)).status).toBe('Under Review');
      service.down = undefined;
      expect((await handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] })).status).toBe('Issued');
      expect((await handle.result()).status).toBe('Issued');
    });
    // Every issue call carries the same key, so the service issues one license however often it was asked.
    expect(new Set(acts.issueLicense.mock.calls.map(([c]) => c.idempotencyKey))).toEqual(new Set(['application-review:A-2026-200002:issue']));
    expect(acts.sendNotification.mock.calls.filter(([c]) => c.template === 'license-issued')).toHaveLength(1);
  });

  it('decision: a refused letter leaves no letter behind, and the next request opens letter 1', async () => {
    const { service, acts } = flakyLicensing();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-200003');
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const dueDate = new Date((await testEnv().currentTimeMs()) + 30 * DAY).toISOString();
      const ask = { action: 'request-information' as const, evaluatorId: 'ev-1', missingRequirements: ['mtel-subject'], dueDate };
      service.down = clientError();
      expect(await refusalType(handle.executeUpdate(decisionUpdate, { args: [ask] }))).toBe('no-email-on-file');
      expect(await handle.query(reviewStateQuery)).toMatchObject({ status: 'Under Review', letters: 0 });
      service.down = undefined;
      expect(await handle.executeUpdate(decisionUpdate, { args: [ask] })).toMatchObject({ status: 'Awaiting Applicant', letters: 1 });
      await handle.terminate('test over');
    });
    expect(acts.openCorrespondence.mock.calls.map(([c]) => c.idempotencyKey)).toEqual([
      'application-review:A-2026-200003:letter:1', 'application-review:A-2026-200003:letter:1',
    ]);
  });

  it('assign and withdraw: refused while licensing refuses, accepted once it answers', async () => {
    const { service, acts } = flakyLicensing();
    await withWorker(testEnv(), acts, async (taskQueue) => {
      const handle = await start(taskQueue, 'A-2026-200004');
      await eventually(async () => acts.recordApplicationStatus.mock.calls.length, (n) => n === 1);
      service.down = clientError();
      const assign = { byId: 'cs-1', byRole: 'customer-service' as const, evaluatorId: 'ev-2' };
      expect(await refusalType(handle.executeUpdate(assignUpdate, { args: [assign] }))).toBe('no-email-on-file');
      expect(await handle.query(reviewStateQuery)).toEqual({ status: 'Ready for Review', letters: 0 });
      expect(await refusalType(handle.executeUpdate(withdrawUpdate, { args: [{ profileId: 'profile-1' }] }))).toBe('no-email-on-file');
      service.down = undefined;
      expect(await handle.executeUpdate(assignUpdate, { args: [assign] })).toMatchObject({ status: 'Under Review', evaluatorId: 'ev-2' });
      expect((await handle.executeUpdate(withdrawUpdate, { args: [{ profileId: 'profile-1' }] })).status).toBe('Withdrawn');
      expect((await handle.result()).status).toBe('Withdrawn');
    });
  });
});

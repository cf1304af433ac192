import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createLicensingActivities, createNotificationActivities } from '@elar/activities';
import { SA } from '@elar/vocabulary';
import { correspondenceWorkflowId, replySignal } from '../correspondence/contract';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, reviewStateQuery, type ApplicationReviewInput } from './contract';
import { applicationReview } from './workflow';

type Activities = ReturnType<typeof createLicensingActivities> & ReturnType<typeof createNotificationActivities>;

const PROJECT_ROOT = join(__dirname, '..', '..', '..');
const DAY = 24 * 60 * 60 * 1000;
const HISTORIES = join(__dirname, 'histories');
let env: TestWorkflowEnvironment;
let n = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: join(PROJECT_ROOT, '.tools', 'venv', 'bin', 'temporal-test-server') } },
  });
  // The time-skipping server knows no custom search attributes until they are added (2 = KEYWORD).
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.values(SA).map((k) => [k.name, 2])),
  });
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

function mockActivities() {
  const calls = {
    recordApplicationStatus: jest.fn<Activities['recordApplicationStatus']>(async () => ({ recorded: true })),
    openCorrespondence: jest.fn<Activities['openCorrespondence']>(async () => ({ correspondenceId: 'c-1' })),
    issueLicense: jest.fn<Activities['issueLicense']>(async () => ({ licenseNumbers: ['500001'] })),
    sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
  };
  return calls;
}

async function withWorker<T>(activities: Activities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `review-test-${++n}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities,
  });
  return worker.runUntil(fn(taskQueue));
}

const input = (applicationNumber: string): ApplicationReviewInput => ({
  applicationNumber, profileId: 'profile-1', mepid: '12345678', licenseType: 'initial',
});

const statuses = (acts: ReturnType<typeof mockActivities>) => acts.recordApplicationStatus.mock.calls.map(([c]) => c.status);

/**
 * Waits until the review has recorded Ready for Review, as an evaluator finds it in the queue only
 * then (a claim that comes first is kept, and Ready for Review is not recorded after it).
 */
async function inQueue(acts: ReturnType<typeof mockActivities>) {
  for (let i = 0; i < 100 && !statuses(acts).includes('Ready for Review'); i++) await new Promise((r) => setTimeout(r, 50));
}

/** Waits (in real time) until a workflow's history shows a started timer. */
async function timersStarted(workflowId: string) {
  for (let i = 0; i < 200; i++) {
    try {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      if (history.events?.some((e) => e.timerStartedEventAttributes)) return;
    } catch {
      /* not started yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${workflowId} never started a timer`);
}

describe('application review workflow', () => {
  // First: the time-skipping server does not skip while tasks left by earlier tests are outstanding.
  it('when the due date passes without a reply, the educator is reminded and the application ends Closed Incomplete', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const number = 'A-2026-000004';
      const handle = await env.client.workflow.start(applicationReview, { taskQueue, workflowId: applicationReviewWorkflowId(number), args: [input(number)] });
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const dueDate = new Date((await env.currentTimeMs()) + 14 * DAY).toISOString();
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['program-completion'], dueDate }] });
      // Skip time only once the letter's timers exist: under load the child may not have started yet.
      await timersStarted(correspondenceWorkflowId(number, 1));
      await env.sleep(15 * DAY); // skips over the reminder and the 14-day due date
      const result = await handle.result();
      expect(result.status).toBe('Closed Incomplete');
    });
    expect(statuses(acts).at(-1)).toBe('Closed Incomplete');
    const templates = acts.sendNotification.mock.calls.map(([c]) => c.template);
    expect(templates).toEqual(['information-requested', 'information-reminder', 'application-closed-incomplete']);
  });

  it('when the claiming evaluator approves, the license is issued and the application ends Issued', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(applicationReview, {
        taskQueue, workflowId: applicationReviewWorkflowId('A-2026-000001'), args: [input('A-2026-000001')],
      });
      await inQueue(acts);
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const after = await handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] });
      expect(after.status).toBe('Issued');
      expect((await handle.result()).status).toBe('Issued');
    });
    expect(statuses(acts)).toEqual(['Ready for Review', 'Under Review', 'Issued']);
    expect(acts.issueLicense).toHaveBeenCalledTimes(1);
    expect(acts.recordApplicationStatus.mock.calls[2]![0].detail).toEqual({ licenseNumbers: ['500001'] });
  });

  it('refuses a decision from an evaluator who does not hold the application, and approving while Awaiting Applicant', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(applicationReview, {
        taskQueue, workflowId: applicationReviewWorkflowId('A-2026-000002'), args: [input('A-2026-000002')],
      });
      await expect(handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const wrong = handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-2' }] });
      await expect(wrong).rejects.toMatchObject({ cause: { type: 'not-assigned-evaluator' } });
      const noReason = handle.executeUpdate(decisionUpdate, { args: [{ action: 'deny', evaluatorId: 'ev-1', reason: ' ' }] });
      await expect(noReason).rejects.toMatchObject({ cause: { type: 'invalid-decision' } });
      const dueDate = new Date((await env.currentTimeMs()) + 30 * DAY).toISOString();
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['mtel-subject'], dueDate }] });
      const approveWhileAwaiting = handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] });
      await expect(approveWhileAwaiting).rejects.toMatchObject({ cause: { type: 'action-not-allowed-in-state' } });
      expect((await handle.query(reviewStateQuery)).status).toBe('Awaiting Applicant');
      await handle.terminate('test over'); // its child correspondence ends with it (parent close policy)
    });
    expect(acts.issueLicense).not.toHaveBeenCalled();
  });

  it('when information is requested and the educator replies, it returns Under Review to the same evaluator', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const number = 'A-2026-000003';
      const handle = await env.client.workflow.start(applicationReview, { taskQueue, workflowId: applicationReviewWorkflowId(number), args: [input(number)] });
      await inQueue(acts);
      await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
      const dueDate = new Date((await env.currentTimeMs()) + 30 * DAY).toISOString();
      const awaiting = await handle.executeUpdate(decisionUpdate, {
        args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['mtel-subject'], dueDate }],
      });
      expect(awaiting.status).toBe('Awaiting Applicant');
      const child = env.client.workflow.getHandle(correspondenceWorkflowId(number, 1));
      // The letter is emailed once the child starts.
      for (let i = 0; i < 50 && !acts.sendNotification.mock.calls.some(([c]) => c.template === 'information-requested'); i++) await new Promise((r) => setTimeout(r, 100));
      await child.signal(replySignal, { repliedAt: new Date().toISOString() });
      expect(await child.result()).toBe('answered');
      for (let i = 0; i < 50 && (await handle.query(reviewStateQuery)).status !== 'Under Review'; i++) await new Promise((r) => setTimeout(r, 100));
      const state = await handle.query(reviewStateQuery);
      expect(state).toMatchObject({ status: 'Under Review', evaluatorId: 'ev-1', letters: 1 });
      const issued = await handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] });
      expect(issued.status).toBe('Issued');
      await handle.result();
      // Record the history once (RECORD_HISTORIES=1) for the replay test below.
      if (process.env.RECORD_HISTORIES) {
        mkdirSync(HISTORIES, { recursive: true });
        writeFileSync(join(HISTORIES, 'request-information-reply-approve.bin'), temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish());
      }
    });
    expect(statuses(acts)).toEqual(['Ready for Review', 'Under Review', 'Awaiting Applicant', 'Under Review', 'Issued']);
    const templates = acts.sendNotification.mock.calls.map(([c]) => c.template);
    expect(templates).toEqual(expect.arrayContaining(['information-requested', 'evaluator-reply-received', 'license-issued']));
    expect(templates).not.toContain('information-reminder');
  });



  it('replays the recorded histories with the current code without non-determinism', async () => {
    // Binary protobuf: the JSON form needs the protobufjs copy @temporalio/common resolves, which differs here.
    const file = join(HISTORIES, 'request-information-reply-approve.bin');
    expect(existsSync(file)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(file));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../workflows') }, history, 'application-review:A-2026-000003');
  });
});

import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import { WorkflowIdReusePolicy, type Workflow } from '@temporalio/common';
import { SA, TASK_QUEUES } from '@elar/vocabulary';
import { applicationReviewWorkflowId, type ApplicationReviewInput } from './application-review/contract';
import { hardCopyWorkflowId, type HardCopyInput } from './hard-copy/contract';
import { licenseExpiryRemindersWorkflowId, type LicenseExpiryRemindersInput } from './license-expiry-reminders/contract';
import { licenseRenewalWorkflowId, type LicenseRenewalInput } from './license-renewal/contract';
import { partialMatchWorkflowId, type PartialMatchInput } from './partial-match/contract';
import { profileOnboardingWorkflowId, type ProfileOnboardingInput } from './profile-onboarding/contract';
import { IDENTITY_RECONCILER_SCHEDULE_ID, PAYMENTS_RECONCILER_SCHEDULE_ID, RECONCILE_EVERY } from './reconcilers/contract';
import { applicationReview, hardCopyFulfillment, identityReconciler, licenseExpiryReminders, licenseRenewal, partialMatchEscalation, paymentsReconciler, profileOnboarding } from './workflows';

/**
 * The typed starters services use: each passes the workflow function itself (its name and argument
 * types come from it, never from a string), its business id, task queue, search attributes and memo.
 * A second start of the same id (running or closed) is not an error: the caller gets `already-started`.
 * Not part of the workflow bundle (it imports the client).
 */
export type StartOutcome = 'started' | 'already-started';

async function startOnce<W extends Workflow>(client: Client, workflow: W, options: WorkflowStartOptions<W>): Promise<StartOutcome> {
  try {
    // A business id names one process for ever: a closed one is not started again either.
    await client.workflow.start(workflow, { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE, ...options });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
    throw err;
  }
}

export const startProfileOnboarding = (client: Client, input: ProfileOnboardingInput) =>
  startOnce(client, profileOnboarding, {
    taskQueue: TASK_QUEUES.identity,
    workflowId: profileOnboardingWorkflowId(input.mepid),
    args: [input],
    typedSearchAttributes: [{ key: SA.mepid, value: input.mepid }],
    memo: { summary: `Onboarding of profile ${input.mepid}` },
  });

export const startPartialMatchEscalation = (client: Client, input: PartialMatchInput) =>
  startOnce(client, partialMatchEscalation, {
    taskQueue: TASK_QUEUES.identity,
    workflowId: partialMatchWorkflowId(input.caseNumber),
    args: [input],
    typedSearchAttributes: [
      { key: SA.caseNumber, value: input.caseNumber },
      { key: SA.mepid, value: input.recordMepid },
      { key: SA.status, value: 'open' },
      ...(input.organizationId ? [{ key: SA.organizationId, value: input.organizationId }] : []),
    ],
    memo: { summary: `Partial-match case ${input.caseNumber} against MEPID ${input.recordMepid}` },
  });

export const startApplicationReview = (client: Client, input: ApplicationReviewInput) =>
  startOnce(client, applicationReview, {
    taskQueue: TASK_QUEUES.licensing,
    workflowId: applicationReviewWorkflowId(input.applicationNumber),
    args: [input],
    memo: { summary: `Application ${input.applicationNumber} (${input.licenseType}) submitted` },
    // Findable from the first moment, before the workflow's first task runs.
    typedSearchAttributes: [
      { key: SA.mepid, value: input.mepid },
      { key: SA.applicationNumber, value: input.applicationNumber },
      { key: SA.licenseType, value: input.licenseType },
      { key: SA.status, value: 'Ready for Review' },
    ],
  });

export const startLicenseRenewal = (client: Client, input: LicenseRenewalInput) =>
  startOnce(client, licenseRenewal, {
    taskQueue: TASK_QUEUES.licensing,
    workflowId: licenseRenewalWorkflowId(input.renewalNumber),
    args: [input],
    memo: { summary: `Renewal ${input.renewalNumber} of license ${input.licenseNumber} paid${input.audit ? ' (audit sample)' : ''}` },
  });

export const startHardCopyFulfillment = (client: Client, input: HardCopyInput) =>
  startOnce(client, hardCopyFulfillment, {
    taskQueue: TASK_QUEUES.licensing,
    workflowId: hardCopyWorkflowId(input.orderNumber),
    args: [input],
    memo: { summary: `Hard copy ${input.orderNumber} of license ${input.licenseNumber} paid` },
  });

export const startLicenseExpiryReminders = (client: Client, input: LicenseExpiryRemindersInput) =>
  startOnce(client, licenseExpiryReminders, {
    taskQueue: TASK_QUEUES.licensing,
    workflowId: licenseExpiryRemindersWorkflowId(input.licenseNumber, input.expiresOn),
    args: [input],
    memo: { summary: `License ${input.licenseNumber} expires ${input.expiresOn}; reminders scheduled` },
    typedSearchAttributes: [
      { key: SA.mepid, value: input.mepid },
      { key: SA.licenseNumber, value: input.licenseNumber },
      { key: SA.licenseType, value: input.licenseType },
      { key: SA.status, value: 'Reminders scheduled' },
    ],
  });

const RECONCILERS = {
  identity: {
    scheduleId: IDENTITY_RECONCILER_SCHEDULE_ID, workflowType: identityReconciler, taskQueue: TASK_QUEUES.identity,
    summary: 'Starts onboarding and partial-match workflows whose start failed (identity /internal/reconcile)',
  },
  payments: {
    scheduleId: PAYMENTS_RECONCILER_SCHEDULE_ID, workflowType: paymentsReconciler, taskQueue: TASK_QUEUES.licensing,
    summary: 'Settles charges left pending by a crash as the processor answered their keys (licensing /internal/payments/reconcile)',
  },
} as const;

/**
 * Creates a reconciler's Schedule unless it exists: every replica of its service calls this at start,
 * and one Schedule runs for the whole cluster (overlapping runs are skipped). Answers whether this
 * call created it.
 */
export async function ensureReconcilerSchedule(client: Client, which: keyof typeof RECONCILERS): Promise<'created' | 'exists'> {
  const r = RECONCILERS[which];
  try {
    await client.schedule.create({
      scheduleId: r.scheduleId,
      spec: { intervals: [{ every: RECONCILE_EVERY }] },
      action: { type: 'startWorkflow', workflowType: r.workflowType, taskQueue: r.taskQueue, args: [], workflowId: r.scheduleId },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: RECONCILE_EVERY },
      memo: { summary: r.summary },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  }
}

/**
 * A service's start: ensures its reconciler's Schedule now and, while Temporal cannot be reached,
 * again every 30 s (never holding the start). `stop()` ends the retries.
 */
export function keepReconcilerSchedule(client: Client, which: keyof typeof RECONCILERS, report: (outcome: 'created' | 'exists' | Error) => void) {
  const retry = setInterval(() => void ensure(), 30_000);
  retry.unref();
  const ensure = async () => {
    try {
      report(await ensureReconcilerSchedule(client, which));
      clearInterval(retry);
    } catch (err) {
      report(err as Error);
    }
  };
  void ensure();
  return { stop: () => clearInterval(retry) };
}

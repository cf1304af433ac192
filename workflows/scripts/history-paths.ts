import type { Client, WorkflowHandle } from '@temporalio/client';
import { profileOnboardingWorkflowId } from '../src/profile-onboarding/contract';
import { partialMatchStateQuery, partialMatchWorkflowId, resolvePartialMatchUpdate } from '../src/partial-match/contract';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, reviewStateQuery, type ApplicationReviewInput } from '../src/application-review/contract';
import { correspondenceWorkflowId, replySignal } from '../src/correspondence/contract';
import { hardCopyStateQuery, hardCopyWorkflowId, vendorEventSignal, type VendorEventType } from '../src/hard-copy/contract';
import { licenseRenewalWorkflowId } from '../src/license-renewal/contract';
import { applicationReview, hardCopyFulfillment, identityReconciler, licenseRenewal, partialMatchEscalation, paymentsReconciler, profileOnboarding } from '../src/workflows';

/** One representative run; returns the handles whose histories to save, by file name (no `.json`). */
export interface RecordedPath {
  name: string;
  run(client: Client, taskQueue: string): Promise<Record<string, WorkflowHandle>>;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
const DAY_MS = 24 * 60 * 60 * 1000;

/** Retries `fn` every 100 ms until it stops throwing (a child not started yet, a state not reached). */
async function eventually<T>(fn: () => Promise<T>, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    try {
      return await fn();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`gave up waiting for ${what}`);
}

const reviewInput = (applicationNumber: string, reminderBeforeMs?: number): ApplicationReviewInput => ({
  applicationNumber, profileId: '00000000-0000-4000-8000-000000000001', mepid: '10000001', licenseType: 'initial', reminderBeforeMs,
});

async function startReview(client: Client, taskQueue: string, reminderBeforeMs?: number) {
  const number = `A-REC-${unique()}`;
  const handle = await client.workflow.start(applicationReview, {
    taskQueue, workflowId: applicationReviewWorkflowId(number), args: [reviewInput(number, reminderBeforeMs)],
  });
  // As in production, the claim comes after the review has run its first task (a query waits for it).
  await handle.query(reviewStateQuery);
  await handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: 'ev-1' }] });
  return { number, handle };
}

export const HISTORY_PATHS: RecordedPath[] = [
  {
    name: 'profile-onboarding-welcomed',
    async run(client, taskQueue) {
      const handle = await client.workflow.start(profileOnboarding, {
        taskQueue, workflowId: profileOnboardingWorkflowId(`REC${unique()}`), args: [{ profileId: '00000000-0000-4000-8000-000000000001', mepid: '10000001' }],
      });
      await handle.result();
      return { 'profile-onboarding-welcomed': handle };
    },
  },
  {
    name: 'partial-match-resolved',
    async run(client, taskQueue) {
      const handle = await client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-REC-${unique()}`), args: [{ caseNumber: 'PM-REC-1', recordMepid: '10000001' }],
      });
      await handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'different-people', actorId: 'admin-1', actorRole: 'directory-admin' }] });
      await handle.result();
      return { 'partial-match-resolved': handle };
    },
  },
  {
    name: 'partial-match-escalated',
    async run(client, taskQueue) {
      const handle = await client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-REC-${unique()}`),
        args: [{ caseNumber: 'PM-REC-2', recordMepid: '10000001', reminderEveryDays: 1 / 86_400, escalateAfterMs: 2_500 }],
      });
      await eventually(async () => {
        if ((await handle.query(partialMatchStateQuery)).status !== 'escalated') throw new Error('not yet');
      }, 'escalation');
      await handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'reject', actorId: 'cs-1', actorRole: 'customer-service' }] });
      await handle.result();
      return { 'partial-match-escalated': handle };
    },
  },
  {
    name: 'application-review-approved',
    async run(client, taskQueue) {
      const { handle } = await startReview(client, taskQueue);
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] });
      await handle.result();
      return { 'application-review-approved': handle };
    },
  },
  {
    name: 'application-review-denied',
    async run(client, taskQueue) {
      const { handle } = await startReview(client, taskQueue);
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'deny', evaluatorId: 'ev-1', reason: 'Program not approved.' }] });
      await handle.result();
      return { 'application-review-denied': handle };
    },
  },
  {
    name: 'application-review-letter-answered',
    async run(client, taskQueue) {
      const { number, handle } = await startReview(client, taskQueue);
      const dueDate = new Date(Date.now() + 14 * DAY_MS).toISOString();
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['program-completion'], dueDate }] });
      const child = client.workflow.getHandle(correspondenceWorkflowId(number, 1));
      await eventually(() => child.signal(replySignal, { repliedAt: new Date().toISOString() }), 'the correspondence child');
      await child.result();
      await eventually(() => handle.executeUpdate(decisionUpdate, { args: [{ action: 'approve', evaluatorId: 'ev-1' }] }), 'the review back Under Review');
      await handle.result();
      return { 'application-review-letter-answered': handle, 'correspondence-answered': child };
    },
  },
  {
    name: 'application-review-closed-incomplete',
    async run(client, taskQueue) {
      const { number, handle } = await startReview(client, taskQueue, 1_500);
      const dueDate = new Date(Date.now() + 3_000).toISOString();
      await handle.executeUpdate(decisionUpdate, { args: [{ action: 'request-information', evaluatorId: 'ev-1', missingRequirements: ['transcript'], dueDate }] });
      await handle.result();
      const child = client.workflow.getHandle(correspondenceWorkflowId(number, 1));
      return { 'application-review-closed-incomplete': handle, 'correspondence-expired': child };
    },
  },
  {
    name: 'license-renewal-renewed',
    async run(client, taskQueue) {
      const renewalNumber = `R-REC-${unique()}`;
      const handle = await client.workflow.start(licenseRenewal, {
        taskQueue, workflowId: licenseRenewalWorkflowId(renewalNumber),
        args: [{ renewalNumber, profileId: '00000000-0000-4000-8000-000000000001', mepid: '10000001', licenseNumber: '500001', audit: false }],
      });
      await handle.result();
      return { 'license-renewal-renewed': handle };
    },
  },
  {
    name: 'hard-copy-delivered',
    async run(client, taskQueue) {
      const orderNumber = `HC-REC-${unique()}`;
      const handle = await client.workflow.start(hardCopyFulfillment, {
        taskQueue, workflowId: hardCopyWorkflowId(orderNumber),
        args: [{ orderNumber, profileId: '00000000-0000-4000-8000-000000000001', mepid: '10000001', licenseNumber: '500001' }],
      });
      await eventually(async () => {
        if ((await handle.query(hardCopyStateQuery)).status !== 'Sent to Printer') throw new Error('not yet');
      }, 'the print job');
      const event = (type: VendorEventType, trackingNumber?: string) => ({ eventId: `PJ-1-${type}`, jobId: 'PJ-1', type, trackingNumber });
      await handle.signal(vendorEventSignal, event('printed'));
      await handle.signal(vendorEventSignal, event('mailed', '9400REC'));
      await handle.signal(vendorEventSignal, event('delivered'));
      await handle.result();
      return { 'hard-copy-delivered': handle };
    },
  },
  {
    name: 'identity-reconciler-ran',
    async run(client, taskQueue) {
      const handle = await client.workflow.start(identityReconciler, { taskQueue, workflowId: `identity-reconciler-REC${unique()}`, args: [] });
      await handle.result();
      return { 'identity-reconciler-ran': handle };
    },
  },
  {
    name: 'payments-reconciler-ran',
    async run(client, taskQueue) {
      const handle = await client.workflow.start(paymentsReconciler, { taskQueue, workflowId: `payments-reconciler-REC${unique()}`, args: [] });
      await handle.result();
      return { 'payments-reconciler-ran': handle };
    },
  },
];

import {
  ApplicationFailure, CancellationScope, ParentClosePolicy, isCancellation, allHandlersFinished, condition, executeChild, log, patched, proxyActivities,
  setHandler, upsertMemo, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { createLicensingActivities, createNotificationActivities } from '@elar/activities';
import { SA } from '../shared/search-attributes';
import { correspondenceWorkflowId } from '../correspondence/contract';
import { correspondence } from '../correspondence/workflow';
import {
  REVIEW_REFUSALS, claimUpdate, decisionUpdate, reviewStateQuery,
  type ApplicationReviewInput, type ApplicationStatus, type DecisionInput, type ReviewState,
} from './contract';
import { registerStaffUpdates } from './staff-updates';

type Activities = ReturnType<typeof createLicensingActivities> & ReturnType<typeof createNotificationActivities>;

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Workflow changes made with `patched()` (docs/operations.md, section 4). */
const PATCHES = { keepEarlyClaim: 'application-review-keep-early-claim' } as const;

const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/** Checks a decision against the state without changing it (runs before the update is accepted). */
export function validateDecision(state: ReviewState, busy: boolean, d: DecisionInput): void {
  if (busy || state.status !== 'Under Review') {
    refuse(REVIEW_REFUSALS.wrongState, `An application that is ${busy ? 'being updated' : state.status} cannot be decided.`);
  }
  if (state.evaluatorId !== d.evaluatorId) refuse(REVIEW_REFUSALS.notAssigned, 'This application is assigned to another evaluator.');
  if (d.action === 'deny' && !d.reason?.trim()) refuse(REVIEW_REFUSALS.invalid, 'A denial needs a reason.');
  if (d.action === 'request-information') {
    if (!d.missingRequirements?.length) refuse(REVIEW_REFUSALS.invalid, 'Name at least one missing requirement.');
    const due = Date.parse(d.dueDate);
    if (Number.isNaN(due) || due <= Date.now()) refuse(REVIEW_REFUSALS.invalid, 'The due date must be in the future.');
  }
}

/**
 * One application's review: Ready for Review -> (claim) Under Review -> evaluator decisions as
 * Updates -> Issued / Denied, or a deficiency letter (child correspondence workflow) that returns
 * it to the same evaluator when answered, or closes it incomplete when the due date passes.
 */
export async function applicationReview(input: ApplicationReviewInput): Promise<ReviewState> {
  const wfId = workflowInfo().workflowId;
  const state: ReviewState = { status: 'Ready for Review', letters: 0 };
  let busy = false;
  let pendingLetter: Extract<DecisionInput, { action: 'request-information' }> | undefined;
  let step = 0;

  const setStatus = async (status: ApplicationStatus, actor: string, detail?: Record<string, string | string[]>) => {
    state.status = status;
    step++;
    upsertSearchAttributes({ [SA.status.name]: [status] });
    upsertMemo({ summary: `Application ${input.applicationNumber} (${input.licenseType}) is ${status}` });
    await acts.recordApplicationStatus({
      idempotencyKey: `${wfId}:status:${step}`,
      applicationNumber: input.applicationNumber,
      status, actor, evaluatorId: state.evaluatorId, detail,
    });
  };
  const notify = (profileId: string, template: string, key: string, data: Record<string, string> = {}) =>
    acts.sendNotification({ idempotencyKey: `${wfId}:${key}`, profileId, template, data: { applicationNumber: input.applicationNumber, ...data } });

  setHandler(reviewStateQuery, () => ({ ...state }));

  setHandler(
    claimUpdate,
    async ({ evaluatorId }) => {
      busy = true;
      try {
        state.evaluatorId = evaluatorId;
        await setStatus('Under Review', `evaluator:${evaluatorId}`);
      } finally {
        busy = false;
      }
      return { ...state };
    },
    {
      validator: ({ evaluatorId }) => {
        if (busy) refuse(REVIEW_REFUSALS.wrongState, 'The application is being updated; try again.');
        if (state.status === 'Under Review' && state.evaluatorId === evaluatorId) refuse(REVIEW_REFUSALS.wrongState, 'You already hold this application.');
        if (state.status !== 'Ready for Review') refuse(REVIEW_REFUSALS.wrongState, `An application that is ${state.status} cannot be claimed.`);
      },
    },
  );

  setHandler(
    decisionUpdate,
    async (d) => {
      busy = true;
      const actor = `evaluator:${d.evaluatorId}`;
      try {
        if (d.action === 'approve') {
          const issued = await acts.issueLicense({ idempotencyKey: `${wfId}:issue`, applicationNumber: input.applicationNumber, evaluatorId: d.evaluatorId });
          await setStatus('Issued', actor, { licenseNumbers: issued.licenseNumbers });
          await notify(input.profileId, 'license-issued', 'license-issued', { licenseNumbers: issued.licenseNumbers.join(', ') });
        } else if (d.action === 'deny') {
          await setStatus('Denied', actor, { reason: d.reason });
          await notify(input.profileId, 'application-denied', 'denied', { reason: d.reason });
        } else {
          state.letters++;
          await acts.openCorrespondence({
            applicationNumber: input.applicationNumber, sequence: state.letters, evaluatorId: d.evaluatorId,
            missingRequirements: d.missingRequirements, dueDate: d.dueDate, letter: d.letter,
          });
          await setStatus('Awaiting Applicant', actor, { missingRequirements: d.missingRequirements, dueDate: d.dueDate });
          pendingLetter = d;
        }
      } finally {
        busy = false;
      }
      return { ...state };
    },
    { validator: (d) => validateDecision(state, busy, d) },
  );

  let letterScope: CancellationScope | undefined;
  registerStaffUpdates({
    state, profileId: input.profileId, setStatus,
    busy: () => busy,
    exclusive: async (fn) => {
      busy = true;
      try {
        await fn();
      } finally {
        busy = false;
      }
    },
    cancelLetter: () => letterScope?.cancel(),
  });

  upsertSearchAttributes({
    [SA.mepid.name]: [input.mepid],
    [SA.applicationNumber.name]: [input.applicationNumber],
    [SA.licenseType.name]: [input.licenseType],
  });
  // A claim delivered in the same first task as the start runs when its handler is registered, before
  // this line; recording 'Ready for Review' after it would put a claimed review back in the queue.
  // Patched: runs started before this change replay the old, unconditional path.
  if (!patched(PATCHES.keepEarlyClaim) || state.status === 'Ready for Review') await setStatus('Ready for Review', 'system');

  const final = (): boolean => ['Issued', 'Denied', 'Withdrawn', 'Closed Incomplete'].includes(state.status);
  while (!final()) {
    await condition(() => final() || pendingLetter !== undefined);
    if (!pendingLetter) continue;
    const letter = pendingLetter;
    pendingLetter = undefined;
    letterScope = new CancellationScope();
    const outcome = await letterScope.run(() => executeChild(correspondence, {
      workflowId: correspondenceWorkflowId(input.applicationNumber, state.letters),
      parentClosePolicy: ParentClosePolicy.TERMINATE,
      args: [{
        applicationNumber: input.applicationNumber, profileId: input.profileId, mepid: input.mepid, licenseType: input.licenseType,
        sequence: state.letters, missingRequirements: letter.missingRequirements, dueDate: letter.dueDate,
        reminderBeforeMs: input.reminderBeforeMs,
      }],
    })).catch((err: unknown) => {
      // Withdrawn while the letter was open: the letter ends with the application.
      if (isCancellation(err) && state.status === 'Withdrawn') return 'withdrawn' as const;
      throw err;
    });
    letterScope = undefined;
    if (outcome === 'withdrawn') continue;
    if (outcome === 'answered') {
      // Back to the same evaluator, not to the end of the queue.
      await setStatus('Under Review', 'educator', { letter: String(state.letters) });
      if (state.evaluatorId) await notify(state.evaluatorId, 'evaluator-reply-received', `reply:${state.letters}`);
    } else {
      await setStatus('Closed Incomplete', 'system', { reason: 'The deficiency letter was not answered by its due date.' });
      await notify(input.profileId, 'application-closed-incomplete', 'closed-incomplete');
    }
  }
  await condition(allHandlersFinished);
  log.info('application review ended', { applicationNumber: input.applicationNumber, status: state.status });
  return { ...state };
}

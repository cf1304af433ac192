import {
  CancellationScope, ParentClosePolicy, isCancellation, allHandlersFinished, condition, executeChild, log, patched, proxyActivities,
  setHandler, sleep, upsertMemo, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { createLicensingActivities, createNotificationActivities } from '@elar/activities';
import { REFUSALS, SA, isFinalApplicationStatus, type ReviewStatus } from '@elar/vocabulary';
import { SERVICE_CALLS, UPDATE_CALLS, refusalFrom, refuse } from '../shared/workflow-helpers';
import { correspondenceWorkflowId } from '../correspondence/contract';
import { correspondence } from '../correspondence/workflow';
import {
  claimUpdate, decisionUpdate, reviewStateQuery, type ApplicationReviewInput, type DecisionInput, type ReviewState,
} from './contract';
import { registerStaffUpdates } from './staff-updates';

type Activities = ReturnType<typeof createLicensingActivities> & ReturnType<typeof createNotificationActivities>;

const acts = proxyActivities<Activities>(SERVICE_CALLS);
/** Inside Update handlers: bounded, so a failing service refuses the Update instead of jamming the review. */
const updateActs = proxyActivities<Activities>(UPDATE_CALLS);

/** Workflow changes made with `patched()` (docs/operations.md, section 4). */
const PATCHES = {
  keepEarlyClaim: 'application-review-keep-early-claim',
  /** Decision emails are sent by the main loop, not inside the Update handler (a slow mail server cannot hold the Update). */
  notifyFromMainLoop: 'application-review-notify-from-main-loop',
  /**
   * A refused Update whose status step timed out may still have landed at licensing (its answer came
   * too late): the main loop records the status put back, so licensing shows what the review holds.
   */
  resyncAfterRefusal: 'application-review-resync-after-refusal',
} as const;

/** Checks a decision against the state without changing it (runs before the update is accepted). */
export function validateDecision(state: ReviewState, busy: boolean, d: DecisionInput): void {
  if (busy || state.status !== 'Under Review') {
    refuse(REFUSALS.wrongState, `An application that is ${busy ? 'being updated' : state.status} cannot be decided.`);
  }
  if (state.evaluatorId !== d.evaluatorId) refuse(REFUSALS.notAssigned, 'This application is assigned to another evaluator.');
  if (d.action === 'deny' && !d.reason?.trim()) refuse(REFUSALS.invalid, 'A denial needs a reason.');
  if (d.action === 'request-information') {
    if (!d.missingRequirements?.length) refuse(REFUSALS.invalid, 'Name at least one missing requirement.');
    const due = Date.parse(d.dueDate);
    if (Number.isNaN(due) || due <= Date.now()) refuse(REFUSALS.invalid, 'The due date must be in the future.');
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
  /** Set when a refused Update put the status back: licensing may hold the status it did not keep. */
  let resync = false;
  /** A decision email the main loop sends once the Update has returned. */
  let notice: { template: string; key: string; data: Record<string, string> } | undefined;

  const publishStatus = (status: ReviewStatus) => {
    upsertSearchAttributes({ [SA.status.name]: [status] });
    upsertMemo({ summary: `Application ${input.applicationNumber} (${input.licenseType}) is ${status}` });
  };
  const setStatus = async (status: ReviewStatus, actor: string, detail?: Record<string, string | string[]>, via: Activities = acts) => {
    state.status = status;
    step++;
    publishStatus(status);
    await via.recordApplicationStatus({
      idempotencyKey: `${wfId}:status:${step}`,
      applicationNumber: input.applicationNumber,
      status, actor, evaluatorId: state.evaluatorId, detail,
    });
  };
  const notify = (profileId: string, template: string, key: string, data: Record<string, string> = {}) =>
    acts.sendNotification({ idempotencyKey: `${wfId}:${key}`, profileId, template, data: { applicationNumber: input.applicationNumber, ...data } });
  /** Emails the applicant about a decision: from the main loop (patched runs) or, in older runs, from the handler. */
  const noticeApplicant = async (template: string, key: string, data: Record<string, string> = {}) => {
    if (patched(PATCHES.notifyFromMainLoop)) notice = { template, key, data };
    else await notify(input.profileId, template, key, data);
  };
  /**
   * Runs an Update's steps with the busy flag held. If a step fails (a service refusing, or not
   * answering within UPDATE_CALLS' bound), the state goes back to what it was and the Update is
   * refused with the service's code or `service-unavailable`: the next Update finds the review as
   * it was, never stuck "being updated".
   */
  const exclusive = async (fn: () => Promise<void>) => {
    busy = true;
    const before = { ...state };
    try {
      await fn();
    } catch (err) {
      const changed = state.status !== before.status;
      Object.assign(state, before);
      if (!before.evaluatorId) delete state.evaluatorId;
      const refusal = refusalFrom(err);
      if (changed) {
        publishStatus(before.status);
        // Only a step that did not answer may have landed; a service's own refusal changed nothing there.
        if (refusal.type === REFUSALS.serviceUnavailable && patched(PATCHES.resyncAfterRefusal)) resync = true;
      }
      throw refusal;
    } finally {
      busy = false;
    }
  };
  setHandler(reviewStateQuery, () => ({ ...state }));

  setHandler(
    claimUpdate,
    async ({ evaluatorId }) => {
      await exclusive(async () => {
        state.evaluatorId = evaluatorId;
        await setStatus('Under Review', `evaluator:${evaluatorId}`, undefined, updateActs);
      });
      return { ...state };
    },
    {
      validator: ({ evaluatorId }) => {
        if (busy) refuse(REFUSALS.wrongState, 'The application is being updated; try again.');
        if (state.status === 'Under Review' && state.evaluatorId === evaluatorId) refuse(REFUSALS.wrongState, 'You already hold this application.');
        if (state.status !== 'Ready for Review') refuse(REFUSALS.wrongState, `An application that is ${state.status} cannot be claimed.`);
      },
    },
  );

  setHandler(
    decisionUpdate,
    async (d) => {
      const actor = `evaluator:${d.evaluatorId}`;
      await exclusive(async () => {
        if (d.action === 'approve') {
          const issued = await updateActs.issueLicense({ idempotencyKey: `${wfId}:issue`, applicationNumber: input.applicationNumber, evaluatorId: d.evaluatorId });
          await setStatus('Issued', actor, { licenseNumbers: issued.licenseNumbers }, updateActs);
          await noticeApplicant('license-issued', 'license-issued', { licenseNumbers: issued.licenseNumbers.join(', ') });
        } else if (d.action === 'deny') {
          await setStatus('Denied', actor, { reason: d.reason }, updateActs);
          await noticeApplicant('application-denied', 'denied', { reason: d.reason });
        } else {
          state.letters++;
          await updateActs.openCorrespondence({
            idempotencyKey: `${wfId}:letter:${state.letters}`,
            applicationNumber: input.applicationNumber, sequence: state.letters, evaluatorId: d.evaluatorId,
            missingRequirements: d.missingRequirements, dueDate: d.dueDate, letter: d.letter,
          });
          await setStatus('Awaiting Applicant', actor, { missingRequirements: d.missingRequirements, dueDate: d.dueDate }, updateActs);
          pendingLetter = d;
        }
      });
      return { ...state };
    },
    { validator: (d) => validateDecision(state, busy, d) },
  );

  let letterScope: CancellationScope | undefined;
  registerStaffUpdates({
    state, profileId: input.profileId,
    setStatus: (status, actor, detail) => setStatus(status, actor, detail, updateActs),
    busy: () => busy,
    exclusive,
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

  // Final only once the Update that set the status has finished: a failed step puts the status back.
  const final = (): boolean => isFinalApplicationStatus(state.status) && !busy;
  while (!final()) {
    await condition(() => final() || pendingLetter !== undefined || (resync && !busy));
    if (resync && !busy) {
      // Held busy for a bounded step (an Update meanwhile is refused "being updated", so no newer
      // status is overwritten); while licensing does not answer, tried again every 10 s with Updates free between.
      resync = false;
      busy = true;
      try {
        await setStatus(state.status, 'system', { reason: 'a refused change was put back' }, updateActs);
      } catch (err) {
        log.warn('status not re-recorded yet', { applicationNumber: input.applicationNumber, error: String(err) });
        resync = true;
      } finally {
        busy = false;
      }
      if (resync) await sleep('10 seconds');
      continue;
    }
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
  if (notice) await notify(input.profileId, notice.template, notice.key, notice.data);
  log.info('application review ended', { applicationNumber: input.applicationNumber, status: state.status });
  return { ...state };
}

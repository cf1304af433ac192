import { allHandlersFinished, condition, log, patched, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createNotificationActivities, createRenewalActivities } from '@elar/activities';
import { REFUSALS, SA } from '@elar/vocabulary';
import { SERVICE_CALLS, refuse } from '../shared/workflow-helpers';
import { renewalDecisionUpdate, renewalStateQuery, type LicenseRenewalInput, type RenewalDecisionInput, type RenewalState, type RenewalStatus } from './contract';

type Activities = ReturnType<typeof createRenewalActivities> & ReturnType<typeof createNotificationActivities>;

const acts = proxyActivities<Activities>(SERVICE_CALLS);

const PATCHES = {
  /** The audit wait has deadlines: evaluator -> customer service (Escalated) -> processed as Renewed. */
  auditDeadlines: 'license-renewal-audit-deadlines',
  /** The decision Update waits at most 10 s for the outcome, never for an unbounded retry. */
  boundedDecision: 'license-renewal-bounded-decision',
} as const;
const DAY = 24 * 60 * 60 * 1000;

/**
 * A paid, attested Professional license renewal. A small workflow of its own rather than the
 * application-review path because a renewal is normally decided by no one: DESE processes online
 * renewals at once when payment clears, so the usual run is three short activities (status,
 * extension, email) that survive a worker restart, while the review workflow's claim / letter /
 * deadline machinery would only be dead weight. The audit sample is the one human step: it waits
 * for an evaluator's `renewalDecision` Update, findable by MEPID, LicenseNumber and ElarStatus.
 */
export async function licenseRenewal(input: LicenseRenewalInput): Promise<RenewalState> {
  const wfId = workflowInfo().workflowId;
  const state: RenewalState = { status: input.audit ? 'Under Review' : 'Processing' };
  let decision: RenewalDecisionInput | undefined;

  const setStatus = async (status: RenewalStatus, detail: { evaluatorId?: string; reason?: string } = {}) => {
    state.status = status;
    upsertSearchAttributes({ [SA.status.name]: [status] });
    upsertMemo({ summary: `Renewal ${input.renewalNumber} of license ${input.licenseNumber} is ${status}` });
    await acts.recordRenewalStatus({ idempotencyKey: `${wfId}:${status}`, renewalNumber: input.renewalNumber, status, ...detail });
  };

  setHandler(renewalStateQuery, () => ({ ...state }));
  setHandler(
    renewalDecisionUpdate,
    async (d) => {
      decision = d;
      state.evaluatorId = d.evaluatorId;
      const decided = () => state.status === 'Renewed' || state.status === 'Denied';
      if (patched(PATCHES.boundedDecision)) await condition(decided, '10 seconds');
      else await condition(decided);
      return { ...state };
    },
    {
      validator: (d) => {
        if ((state.status !== 'Under Review' && state.status !== 'Escalated') || decision) {
          refuse(REFUSALS.wrongState, `A renewal that is ${state.status} cannot be decided.`);
        }
        if (d.action === 'deny' && !d.reason?.trim()) refuse(REFUSALS.invalid, 'A denial needs a reason.');
      },
    },
  );

  upsertSearchAttributes({ [SA.mepid.name]: [input.mepid], [SA.licenseNumber.name]: [input.licenseNumber] });
  await setStatus(state.status);
  if (input.audit) {
    if (patched(PATCHES.auditDeadlines)) {
      // Named states with deadlines: Under Review (an evaluator) -> Escalated (customer service) -> processed.
      if (!(await condition(() => decision !== undefined, input.auditDecisionMs ?? 30 * DAY))) {
        await setStatus('Escalated', { reason: 'No evaluator decided the audit in time.' });
        log.info('renewal audit escalated to customer service', { renewalNumber: input.renewalNumber });
        if (!(await condition(() => decision !== undefined, input.escalatedDecisionMs ?? 15 * DAY))) {
          // DESE processes online renewals at once when payment clears; an audit nobody finished does not hold the educator back.
          decision = { action: 'approve', evaluatorId: 'system' };
        }
      }
    } else {
      await condition(() => decision !== undefined);
    }
    if (decision!.action === 'deny') {
      await setStatus('Denied', { evaluatorId: decision!.evaluatorId, reason: decision!.reason });
      await acts.sendNotification({ idempotencyKey: `${wfId}:denied`, profileId: input.profileId, template: 'renewal-denied', data: { renewalNumber: input.renewalNumber, reason: decision!.reason } });
      await condition(allHandlersFinished);
      return { ...state };
    }
  }
  await setStatus('Renewed', { evaluatorId: decision?.evaluatorId });
  await acts.sendNotification({ idempotencyKey: `${wfId}:renewed`, profileId: input.profileId, template: 'license-renewed', data: { renewalNumber: input.renewalNumber } });
  await condition(allHandlersFinished);
  return { ...state };
}

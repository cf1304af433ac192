import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createNotificationActivities, createRenewalActivities } from '@elar/activities';
import { SA } from '../shared/search-attributes';
import { REVIEW_REFUSALS } from '../application-review/contract';
import { renewalDecisionUpdate, renewalStateQuery, type LicenseRenewalInput, type RenewalDecisionInput, type RenewalState, type RenewalStatus } from './contract';

type Activities = ReturnType<typeof createRenewalActivities> & ReturnType<typeof createNotificationActivities>;

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

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
      await condition(() => state.status === 'Renewed' || state.status === 'Denied');
      return { ...state };
    },
    {
      validator: (d) => {
        if (state.status !== 'Under Review' || decision) {
          throw ApplicationFailure.create({ type: REVIEW_REFUSALS.wrongState, message: `A renewal that is ${state.status} cannot be decided.`, nonRetryable: true });
        }
        if (d.action === 'deny' && !d.reason?.trim()) throw ApplicationFailure.create({ type: REVIEW_REFUSALS.invalid, message: 'A denial needs a reason.', nonRetryable: true });
      },
    },
  );

  upsertSearchAttributes({ [SA.mepid.name]: [input.mepid], [SA.licenseNumber.name]: [input.licenseNumber] });
  await setStatus(state.status);
  if (input.audit) {
    await condition(() => decision !== undefined);
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

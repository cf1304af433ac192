import { condition, log, patched, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createPartialMatchActivities } from '@elar/activities';
import { REFUSALS, SA } from '@elar/vocabulary';
import { SERVICE_CALLS, refuse } from '../shared/workflow-helpers';
import {
  addBusinessDays,
  partialMatchStateQuery,
  resolutionActions,
  resolutionStatus,
  resolvePartialMatchUpdate,
  type PartialMatchInput,
  type PartialMatchState,
  type Resolution,
} from './contract';

const acts = proxyActivities<ReturnType<typeof createPartialMatchActivities>>(SERVICE_CALLS);

/** An escalated case has a deadline too: customer service decides within it or the case is closed (rejected, educator told). */
const ESCALATION_DEADLINE = 'partial-match-escalation-deadline';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A profile submission conflicts with an existing record. Ask the record's organization's directory
 * administrators to decide, remind them, and hand the case to DESE customer service after a number
 * of business days without a decision. The decision is a validated Update; applying it (creating or
 * refusing the profile) and telling the educator are activities, each with its own idempotency key.
 */
export async function partialMatchEscalation(input: PartialMatchInput): Promise<PartialMatchState> {
  const { caseNumber } = input;
  const state: PartialMatchState = { status: 'open', remindersSent: 0, escalated: false };
  let resolution: Resolution | undefined;
  const key = (step: string) => `${workflowInfo().workflowId}:${step}`;

  setHandler(partialMatchStateQuery, () => state);
  setHandler(
    resolvePartialMatchUpdate,
    (r) => {
      resolution = r;
      state.resolution = r.action;
      return state;
    },
    {
      validator: (r) => {
        if (resolution) refuse(REFUSALS.caseAlreadyResolved, 'This case has already been decided.');
        if (!resolutionActions.includes(r.action)) refuse(REFUSALS.invalidAction, `Unknown action ${String(r.action)}.`);
        if (r.actorRole === 'directory-admin' && state.escalated) refuse(REFUSALS.caseEscalated, 'This case now rests with DESE customer service.');
      },
    },
  );

  const publish = (status: PartialMatchState['status']) => {
    state.status = status;
    upsertSearchAttributes([{ key: SA.status, value: status }]);
    upsertMemo({ summary: `Partial-match case ${caseNumber}: ${status}` });
  };

  await acts.notifyCaseOpened({ caseNumber, idempotencyKey: key('opened') });

  const escalateAt = input.escalateAfterMs !== undefined
    ? Date.now() + input.escalateAfterMs
    : addBusinessDays(new Date(), input.escalateAfterBusinessDays ?? 5).getTime();
  const reminderMs = (input.reminderEveryDays ?? 2) * DAY_MS;
  while (!resolution && !state.escalated) {
    const untilEscalation = escalateAt - Date.now();
    if (untilEscalation <= 0) break;
    const decided = await condition(() => resolution !== undefined, Math.min(reminderMs, untilEscalation));
    if (decided) break;
    if (Date.now() < escalateAt) {
      state.remindersSent++;
      await acts.remindAdministrators({ caseNumber, idempotencyKey: key(`reminder-${state.remindersSent}`) });
    }
  }
  if (!resolution) {
    state.escalated = true;
    publish('escalated');
    log.info('partial-match case escalated to customer service', { caseNumber });
    await acts.escalateCase({ caseNumber, idempotencyKey: key('escalated') });
    if (patched(ESCALATION_DEADLINE)) {
      const deadline = addBusinessDays(new Date(), input.customerServiceBusinessDays ?? 10).getTime() - Date.now();
      if (!(await condition(() => resolution !== undefined, input.customerServiceDeadlineMs ?? deadline))) {
        log.info('escalated partial-match case closed without a decision', { caseNumber });
        resolution = { action: 'reject', actorId: 'system', actorRole: 'customer-service', note: 'Closed: no decision within the customer-service deadline.' };
        state.resolution = 'reject';
      }
    } else {
      await condition(() => resolution !== undefined);
    }
  }

  const decided = resolution!;
  await acts.applyResolution({ caseNumber, action: decided.action, actorId: decided.actorId, note: decided.note, idempotencyKey: key('resolution') });
  publish(resolutionStatus[decided.action]);
  return state;
}

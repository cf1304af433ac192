import { condition, log, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createNotificationActivities } from '@elar/activities';
import { SA } from '@elar/vocabulary';
import {
  DEFAULT_REMINDER_BEFORE_MS, correspondenceStateQuery, replySignal,
  type CorrespondenceInput, type CorrespondenceOutcome, type CorrespondenceState,
} from './contract';
import { SERVICE_CALLS } from '../shared/workflow-helpers';

const { sendNotification } = proxyActivities<ReturnType<typeof createNotificationActivities>>(SERVICE_CALLS);

/**
 * One deficiency letter: emails it, reminds the educator before the due date, and ends `answered`
 * on the educator's reply or `expired` when the due date passes (a visible, explicit outcome).
 */
export async function correspondence(input: CorrespondenceInput): Promise<CorrespondenceOutcome> {
  const wfId = workflowInfo().workflowId;
  let state: CorrespondenceState = 'awaiting-reply';
  let replied = false;
  setHandler(correspondenceStateQuery, () => state);
  setHandler(replySignal, () => void (replied = true));
  upsertSearchAttributes({
    [SA.mepid.name]: [input.mepid],
    [SA.applicationNumber.name]: [input.applicationNumber],
    [SA.licenseType.name]: [input.licenseType],
    [SA.status.name]: ['Awaiting Applicant'],
  });
  upsertMemo({ summary: `Letter ${input.sequence} for ${input.applicationNumber}, due ${input.dueDate}` });
  const data = { applicationNumber: input.applicationNumber, dueDate: input.dueDate, missingRequirements: input.missingRequirements.join(', ') };

  await sendNotification({ idempotencyKey: `${wfId}:letter`, profileId: input.profileId, template: 'information-requested', data });

  const due = Date.parse(input.dueDate);
  const remindAt = due - (input.reminderBeforeMs ?? DEFAULT_REMINDER_BEFORE_MS);
  if (remindAt > Date.now() && !(await condition(() => replied, remindAt - Date.now()))) {
    await sendNotification({ idempotencyKey: `${wfId}:reminder`, profileId: input.profileId, template: 'information-reminder', data });
  }
  if (!replied) await condition(() => replied, Math.max(due - Date.now(), 1));

  state = replied ? 'answered' : 'expired';
  upsertSearchAttributes({ [SA.status.name]: [replied ? 'Under Review' : 'Closed Incomplete'] });
  upsertMemo({ summary: `Letter ${input.sequence} for ${input.applicationNumber}: ${state}` });
  log.info('correspondence ended', { applicationNumber: input.applicationNumber, sequence: input.sequence, state });
  return state;
}

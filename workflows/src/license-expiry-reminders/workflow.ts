import { condition, log, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createLicenseReminderActivities, createNotificationActivities } from '@elar/activities';
import { SA } from '@elar/vocabulary';
import { SERVICE_CALLS } from '../shared/workflow-helpers';
import {
  expiryRemindersQuery, licenseRenewedSignal, reminderSchedule, type ExpiryRemindersStatus, type LicenseExpiryRemindersInput,
} from './contract';

type Activities = ReturnType<typeof createNotificationActivities> & ReturnType<typeof createLicenseReminderActivities>;
const acts = proxyActivities<Activities>(SERVICE_CALLS);

/**
 * Emails a license's holder at the catalog's offsets before it expires (12, 6, 3, 1 months and the
 * day), each once, for one term. Durable timers, one per reminder: the workflow sleeps between them,
 * visible in the Temporal UI with its next reminder in the memo. A renewal ends it at once (signal);
 * before each email it also asks licensing whether the license still expires on this date, so a
 * renewal whose signal was lost still stops the reminders. Reminders whose time has already passed
 * when the workflow starts are skipped, never sent late in a burst.
 */
export async function licenseExpiryReminders(input: LicenseExpiryRemindersInput): Promise<ExpiryRemindersStatus> {
  const wfId = workflowInfo().workflowId;
  const status: ExpiryRemindersStatus = { state: 'waiting', sent: [] };
  let renewed = false;
  setHandler(licenseRenewedSignal, () => void (renewed = true));
  setHandler(expiryRemindersQuery, () => ({ ...status, sent: [...status.sent] }));

  upsertSearchAttributes({
    [SA.mepid.name]: [input.mepid],
    [SA.licenseNumber.name]: [input.licenseNumber],
    [SA.licenseType.name]: [input.licenseType],
    [SA.status.name]: ['Reminders scheduled'],
  });
  const finish = (state: 'renewed' | 'expired') => {
    status.state = state;
    status.next = undefined;
    upsertSearchAttributes({ [SA.status.name]: [state === 'renewed' ? 'Renewed' : 'Expired'] });
    upsertMemo({ summary: `License ${input.licenseNumber} (expiring ${input.expiresOn}): ${state}; reminders sent ${status.sent.length}` });
    log.info('expiry reminders ended', { licenseNumber: input.licenseNumber, state, sent: status.sent.length });
    return { ...status };
  };

  for (const reminder of reminderSchedule(input.expiresOn, input.plan)) {
    if (reminder.at <= Date.now()) continue;
    status.next = { monthsBefore: reminder.monthsBefore, at: new Date(reminder.at).toISOString() };
    upsertMemo({ summary: `License ${input.licenseNumber} expires ${input.expiresOn}; next reminder ${status.next.at.slice(0, 10)}` });
    if (await condition(() => renewed, reminder.at - Date.now())) return finish('renewed');
    const current = await acts.currentLicenseExpiry(input.licenseNumber);
    if (current.expiresOn !== input.expiresOn || current.status !== 'Active') return finish('renewed');
    await acts.sendNotification({
      idempotencyKey: `${wfId}:${reminder.monthsBefore}`,
      profileId: input.profileId,
      template: 'license-expiry-reminder',
      data: {
        licenseNumber: input.licenseNumber, licenseType: input.licenseType, field: input.field, gradeLevel: input.gradeLevel,
        expiresOn: input.expiresOn, monthsBefore: reminder.monthsBefore,
      },
    });
    status.sent.push(reminder.monthsBefore);
  }
  return finish(renewed ? 'renewed' : 'expired');
}

import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@elar/temporal';
import { SA, TASK_QUEUES, licenseExpiryRemindersWorkflowId, licenseRenewedSignal, type LicenseExpiryRemindersInput } from '@elar/workflows';
import type { LicensingDeps } from '../app';
import type { License } from '../generated/prisma/client';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Starts the expiry reminders of a license's current term (`licenseExpiryReminders`, one workflow per
 * license and expiry date). Safe to repeat: a second start of the same term is refused by its id.
 * Licenses counted in years of employment have no date to remind of.
 */
export async function scheduleExpiryReminders(deps: Pick<LicensingDeps, 'temporal' | 'catalog'>, license: License): Promise<void> {
  if (!license.expiresAt) return;
  const input: LicenseExpiryRemindersInput = {
    licenseNumber: license.licenseNumber, profileId: license.profileId, mepid: license.mepid,
    licenseType: license.licenseType ?? license.kind, field: license.field, gradeLevel: license.gradeLevel,
    expiresOn: day(license.expiresAt), plan: deps.catalog.expiryReminders,
  };
  try {
    await deps.temporal.client.workflow.start('licenseExpiryReminders', {
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
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** A renewal: the old term's reminders stop at once (signal), the new term's are scheduled. */
export async function renewExpiryReminders(deps: Pick<LicensingDeps, 'temporal' | 'catalog'>, license: License, previousExpiresOn: string): Promise<void> {
  try {
    await deps.temporal.client.workflow.getHandle(licenseExpiryRemindersWorkflowId(license.licenseNumber, previousExpiresOn)).signal(licenseRenewedSignal);
  } catch (err) {
    // Already ended (expired, or signalled by an earlier try), or issued before reminders existed.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  await scheduleExpiryReminders(deps, license);
}

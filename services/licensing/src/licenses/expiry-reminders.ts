import { WorkflowNotFoundError } from '@elar/temporal';
import { licenseExpiryRemindersWorkflowId, licenseRenewedSignal, startLicenseExpiryReminders, type LicenseExpiryRemindersInput } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
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
  await startLicenseExpiryReminders(deps.temporal.client, input);
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

import type { ParsedBodyOf, licensingInternal } from '@elar/internal-api';
import { notFound } from '@elar/errors';
import { RENEWAL_FINAL_STATUSES } from '@elar/vocabulary';
import type { LicensingDeps } from '../deps';
import { renewExpiryReminders } from '../licenses/expiry-reminders';
import { addYears } from '../licenses/issue-licenses';
import type { RenewalResult } from './renewal-view';

/**
 * What the renewal workflow reports. `Renewed` moves each license's expiry from the one recorded
 * when the renewal was created to `extendsYears` later, in one transaction guarded on the renewal
 * not being final yet: a retried or replayed report extends nothing twice.
 */
export async function recordRenewalStatus(
  deps: LicensingDeps,
  input: ParsedBodyOf<typeof licensingInternal.recordRenewalStatus> & { renewalNumber: string },
): Promise<{ recorded: boolean }> {
  const outcome = await deps.db.$transaction(async (tx) => {
    const r = await tx.renewal.findUnique({ where: { renewalNumber: input.renewalNumber } });
    if (!r) throw notFound('renewal-not-found', 'No such renewal.');
    const claimed = await tx.renewal.updateMany({
      where: { id: r.id, status: { notIn: [...RENEWAL_FINAL_STATUSES] } },
      data: { status: input.status, evaluatorId: input.evaluatorId ?? r.evaluatorId, ...(RENEWAL_FINAL_STATUSES.includes(input.status) ? { decidedAt: new Date() } : {}) },
    });
    if (!claimed.count) return { recorded: false };
    if (input.status !== 'Renewed') return { recorded: true };
    const result = (r.result ?? []) as RenewalResult;
    for (const item of result) {
      const previous = new Date(item.previousExpiresAt);
      const expiresAt = addYears(previous, deps.catalog.renewal.extendsYears);
      await tx.license.updateMany({ where: { licenseNumber: item.licenseNumber, expiresAt: previous }, data: { expiresAt, status: 'Active' } });
      item.expiresAt = expiresAt.toISOString().slice(0, 10);
    }
    await tx.renewal.update({ where: { id: r.id }, data: { result } });
    return { recorded: true };
  });
  if (input.status === 'Renewed') await moveExpiryReminders(deps, input.renewalNumber);
  return outcome;
}

/** After the extension (and on every retry of the report, so a failed try is completed): old term's reminders end, new term's start. */
async function moveExpiryReminders(deps: LicensingDeps, renewalNumber: string) {
  const renewal = await deps.db.renewal.findUniqueOrThrow({ where: { renewalNumber } });
  if (renewal.status !== 'Renewed') return;
  for (const item of (renewal.result ?? []) as RenewalResult) {
    const license = await deps.db.license.findUnique({ where: { licenseNumber: item.licenseNumber } });
    if (license) await renewExpiryReminders(deps, license, item.previousExpiresAt.slice(0, 10));
  }
}

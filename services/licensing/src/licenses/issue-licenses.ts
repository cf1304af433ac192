import { notFound } from '@elar/errors';
import type { LicensingDeps } from '../deps';
import { recordEvent } from '../applications/timeline';
import { isUniqueViolation } from '../db/client';
import { scheduleExpiryReminders } from './expiry-reminders';

export const addYears = (d: Date, years: number) => {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
};

/**
 * One license per application item (unique on the item): a retried activity gets the same numbers
 * back, and the timeline records the issue once per idempotency key.
 */
export async function issueLicenses(deps: LicensingDeps, applicationNumber: string, evaluatorId: string, idempotencyKey: string) {
  const app = await deps.db.application.findUnique({ where: { applicationNumber }, include: { items: { orderBy: { position: 'asc' } } } });
  if (!app) throw notFound('application-not-found', 'No such application.');
  const today = new Date(new Date().toISOString().slice(0, 10));
  const numbers: string[] = [];
  for (const item of app.items) {
    const existing = await deps.db.license.findUnique({ where: { sourceItemId: item.id } });
    if (existing) {
      await scheduleExpiryReminders(deps, existing); // a retried activity: started once, whatever the step that failed
      numbers.push(existing.licenseNumber);
      continue;
    }
    const type = deps.catalog.licenseTypes.find((t) => t.id === item.licenseType);
    const validity = type?.validity ?? { kind: 'with-license' as const, years: 0 };
    const rows = await deps.db.$queryRaw<{ v: bigint }[]>`SELECT nextval('license_number_seq') AS v`;
    const license = await deps.db.license.upsert({
      where: { sourceItemId: item.id },
      update: {},
      create: {
        licenseNumber: String(rows[0]!.v), applicationId: app.id, sourceItemId: item.id, profileId: app.profileId, mepid: app.mepid,
        holderFirstName: app.holderFirstName, holderLastName: app.holderLastName, kind: item.kind, licenseType: item.licenseType,
        field: item.field, gradeLevel: item.gradeLevel, issueDate: today,
        expiresAt: validity.kind === 'calendar-years' ? addYears(today, validity.years) : null,
        validityKind: validity.kind, validityYears: validity.years, status: 'Active',
      },
    });
    await scheduleExpiryReminders(deps, license);
    numbers.push(license.licenseNumber);
  }
  try {
    await recordEvent(deps, app, { actor: `evaluator:${evaluatorId}`, type: 'licenses-issued', detail: { licenseNumbers: numbers }, idempotencyKey });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  return { licenseNumbers: numbers };
}

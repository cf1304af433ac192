import { conflict, unprocessable } from '@elar/errors';
import type { RenewalRules } from '../catalog/renewal-rules';
import type { License } from '../generated/prisma/client';
import { addYears } from '../licenses/issue-licenses';

const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, months: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + months);
  return x;
};
/** Today as a date (UTC midnight), like the License date columns. */
export const today = (now = new Date()) => new Date(day(now));

/**
 * Why a license cannot be renewed now, as a 409 with a stable code; `renewedTo` is the expiry a
 * finished renewal already gave it (then it is `already-renewed`, not merely too early).
 */
export function checkRenewable(rules: RenewalRules, l: License, renewedTo: Date[], now = new Date()): void {
  const date = today(now);
  if (l.kind !== 'license' || !l.licenseType || !rules.licenseTypes.includes(l.licenseType) || !l.expiresAt) {
    throw conflict('license-not-renewable', `License ${l.licenseNumber} is not a Professional license; only Professional licenses are renewed.`);
  }
  if (renewedTo.some((d) => d.getTime() === l.expiresAt!.getTime())) {
    throw conflict('already-renewed', `License ${l.licenseNumber} was already renewed; it now expires ${day(l.expiresAt)}.`);
  }
  if (l.expiresAt < date) throw conflict('license-expired', `License ${l.licenseNumber} expired on ${day(l.expiresAt)}; an expired license is not renewed online.`);
  const opensOn = addMonths(l.expiresAt, -rules.opensMonthsBeforeExpiry);
  const activeSince = addYears(l.issueDate, rules.minimumActiveYears);
  const earliest = opensOn > activeSince ? opensOn : activeSince;
  if (date < earliest) {
    throw conflict('renewal-too-early', `License ${l.licenseNumber} can be renewed from ${day(earliest)} (${rules.opensMonthsBeforeExpiry} months before expiry, after ${rules.minimumActiveYears} years active).`, { opensOn: day(earliest) });
  }
}

/** PDPs: every category at its minimum and the total at primary + per-additional x (licenses - 1). */
export function checkPdps(rules: RenewalRules, pdps: Record<string, number>, licenses: number): void {
  const known = new Set(rules.pdp.categories.map((c) => c.id));
  const unknown = Object.keys(pdps).filter((k) => !known.has(k));
  if (unknown.length) throw unprocessable('unknown-pdp-category', `Unknown PDP categories: ${unknown.join(', ')}.`, { categories: unknown });
  for (const c of rules.pdp.categories) {
    const recorded = pdps[c.id] ?? 0;
    if (recorded < c.minimum) {
      throw unprocessable('pdps-short', `At least ${c.minimum} PDPs are needed in ${c.name}; ${recorded} recorded.`, { category: c.id, required: c.minimum, recorded });
    }
  }
  const required = rules.pdp.primary + rules.pdp.perAdditional * (licenses - 1);
  const total = Object.values(pdps).reduce((a, b) => a + b, 0);
  if (total < required) {
    throw unprocessable('pdps-short', `${required} PDPs in total are needed for ${licenses} license(s); ${total} recorded.`, { category: 'total', required, recorded: total });
  }
}

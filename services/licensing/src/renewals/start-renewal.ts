import { createHash } from 'node:crypto';
import { startLicenseRenewal } from '@elar/workflows';
import type { LicensingDeps } from '../deps';

/** Stable per renewal number (a retry decides the same way), uniform in [0, 1). */
export const auditDraw = (renewalNumber: string) => createHash('sha256').update(renewalNumber).digest().readUInt32BE(0) / 2 ** 32;

/** A paid Draft starts its `licenseRenewal` workflow once (the workflow id refuses a second start). */
export async function startRenewal(deps: LicensingDeps, renewalNumber: string) {
  const r = await deps.db.renewal.findUniqueOrThrow({ where: { renewalNumber }, include: { payments: true } });
  if (r.status !== 'Draft' || !r.payments.some((p) => p.status === 'succeeded')) return;
  const audit = auditDraw(r.renewalNumber) < deps.config.RENEWAL_AUDIT_SAMPLE_RATE;
  await startLicenseRenewal(deps.temporal.client, { renewalNumber: r.renewalNumber, profileId: r.profileId, mepid: r.mepid, licenseNumber: r.licenseNumbers[0]!, audit });
  await deps.db.renewal.updateMany({ where: { id: r.id, status: 'Draft' }, data: { status: audit ? 'Under Review' : 'Processing', audit } });
}

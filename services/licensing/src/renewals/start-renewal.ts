import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@elar/temporal';
import { TASK_QUEUES, licenseRenewalWorkflowId } from '@elar/workflows';
import type { LicensingDeps } from '../app';

/** Stable per renewal number (a retry decides the same way), uniform in [0, 1). */
export const auditDraw = (renewalNumber: string) => createHash('sha256').update(renewalNumber).digest().readUInt32BE(0) / 2 ** 32;

/** A paid Draft starts its `licenseRenewal` workflow once (the workflow id refuses a second start). */
export async function startRenewal(deps: LicensingDeps, renewalNumber: string) {
  const r = await deps.db.renewal.findUniqueOrThrow({ where: { renewalNumber }, include: { payments: true } });
  if (r.status !== 'Draft' || !r.payments.some((p) => p.status === 'succeeded')) return;
  const audit = auditDraw(r.renewalNumber) < deps.config.RENEWAL_AUDIT_SAMPLE_RATE;
  try {
    await deps.temporal.client.workflow.start('licenseRenewal', {
      taskQueue: TASK_QUEUES.licensing,
      workflowId: licenseRenewalWorkflowId(r.renewalNumber),
      args: [{ renewalNumber: r.renewalNumber, profileId: r.profileId, mepid: r.mepid, licenseNumber: r.licenseNumbers[0]!, audit }],
      memo: { summary: `Renewal ${r.renewalNumber} of license ${r.licenseNumbers[0]} paid${audit ? ' (audit sample)' : ''}` },
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await deps.db.renewal.updateMany({ where: { id: r.id, status: 'Draft' }, data: { status: audit ? 'Under Review' : 'Processing', audit } });
}

import { hardCopyInternal } from '@elar/internal-api';
import type { InternalClient, StepInput } from './internal-client';

/** Every call names the order and carries a key the workflow derives; licensing acts once per key. */
export type HardCopyStep = StepInput<typeof hardCopyInternal.capturePayment>;
export type HardCopyStatusReport = StepInput<typeof hardCopyInternal.recordStatus>;

/**
 * Thin calls to licensing's internal hard-copy API: payment capture and refund through the payment
 * provider, certificate rendering, print jobs through the print-vendor adapter, status reports.
 */
export function createHardCopyActivities(deps: { licensing: InternalClient }) {
  return {
    captureHardCopyPayment: deps.licensing.step(hardCopyInternal.capturePayment),
    renderHardCopyCertificate: deps.licensing.step(hardCopyInternal.renderCertificate),
    submitPrintJob: deps.licensing.step(hardCopyInternal.submitPrintJob),
    cancelPrintJob: deps.licensing.step(hardCopyInternal.cancelPrintJob),
    refundHardCopyPayment: deps.licensing.step(hardCopyInternal.refundPayment),
    recordHardCopyStatus: deps.licensing.step(hardCopyInternal.recordStatus),
  };
}

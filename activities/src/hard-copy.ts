import type { ServiceClient } from '@elar/http';

/** Every call names the order and carries a key the workflow derives; licensing acts once per key. */
export interface HardCopyStep {
  orderNumber: string;
  idempotencyKey: string;
}

export interface HardCopyStatusReport extends HardCopyStep {
  status: string;
  /** Timeline event type, e.g. `payment-captured`, `mailed`. */
  type: string;
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * Thin calls to licensing's internal hard-copy API: payment capture and refund through the payment
 * provider, certificate rendering, print jobs through the print-vendor adapter, status reports.
 */
export function createHardCopyActivities(deps: { licensing: ServiceClient }) {
  const call = async <T>(input: HardCopyStep, step: string): Promise<T> =>
    (await deps.licensing.post<T>(`/internal/hard-copy-orders/${encodeURIComponent(input.orderNumber)}/${step}`, input)).body;
  return {
    captureHardCopyPayment: (input: HardCopyStep) => call<{ receiptId: string; amountCents: number }>(input, 'capture'),
    renderHardCopyCertificate: (input: HardCopyStep) => call<{ sha256: string; bytes: number }>(input, 'certificate'),
    submitPrintJob: (input: HardCopyStep & { shipment: number }) => call<{ jobId: string }>(input, 'print-jobs'),
    cancelPrintJob: (input: HardCopyStep & { jobId: string }) => call<{ cancelled: boolean }>(input, 'print-jobs/cancel'),
    refundHardCopyPayment: (input: HardCopyStep) => call<{ refundId: string; amountCents: number }>(input, 'refund'),
    recordHardCopyStatus: (input: HardCopyStatusReport) => call<{ recorded: boolean }>(input, 'status'),
  };
}

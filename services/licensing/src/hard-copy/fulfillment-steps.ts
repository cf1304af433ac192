import { createHash } from 'node:crypto';
import { conflict } from '@elar/errors';
import type { LicensingDeps } from '../deps';
import { toCertificateContent } from '../licenses/license-views';
import { renderCertificate } from './certificate';
import type { FullOrder } from './order-view';
import { recordOrderEvent } from './order-timeline';
import { ensureVerificationCode } from './verification-code';

/**
 * The steps the fulfillment workflow asks for. Each is safe to repeat: it answers from what is
 * already recorded (unique keys, one charge and one refund per order, one print job per shipment).
 */

/** Confirms the order's charge (made when it was placed) and returns its receipt. */
export async function capturePayment(deps: LicensingDeps, order: FullOrder) {
  const charge = await deps.db.hardCopyPayment.findUnique({ where: { orderId_kind: { orderId: order.id, kind: 'charge' } } });
  if (charge?.status !== 'succeeded') throw conflict('order-not-paid', 'This order has no successful charge.');
  return { receiptId: charge.receiptId!, amountCents: charge.amountCents };
}

/** Renders the printed copy once and keeps it with the order. */
export async function renderOrderCertificate(deps: LicensingDeps, order: FullOrder) {
  let pdf: Uint8Array | null = order.certificatePdf;
  if (!pdf) {
    const code = await ensureVerificationCode(deps.db, order.license);
    const rendered = await renderCertificate(toCertificateContent(deps.catalog, order.license, code, `Official printed copy, order ${order.orderNumber}`));
    pdf = new Uint8Array(rendered);
    await deps.db.hardCopyOrder.updateMany({ where: { id: order.id, certificatePdf: null }, data: { certificatePdf: new Uint8Array(rendered) } });
  }
  return { bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** One vendor job per key: a recorded job is answered as it is; the vendor itself dedupes on the key too. */
export async function submitPrintJob(deps: LicensingDeps, order: FullOrder, idempotencyKey: string, shipment: number) {
  const known = await deps.db.printJob.findUnique({ where: { idempotencyKey } });
  if (known) return { jobId: known.jobId };
  const fresh = await deps.db.hardCopyOrder.findUniqueOrThrow({ where: { id: order.id } });
  if (!fresh.certificatePdf) throw conflict('certificate-not-rendered', 'Render the certificate first.');
  const { jobId } = await deps.printVendor.submit({
    idempotencyKey, orderNumber: order.orderNumber, shipment, quantity: order.quantity, address: order.address, pdf: fresh.certificatePdf,
    ...(order.vendorFailures !== 0 ? { failTimes: order.vendorFailures } : {}),
  });
  await deps.db.printJob.upsert({ where: { idempotencyKey }, update: {}, create: { orderId: order.id, idempotencyKey, jobId, shipment, status: 'submitted' } });
  return { jobId };
}

export async function cancelPrintJob(deps: LicensingDeps, jobId: string) {
  const updated = await deps.db.printJob.updateMany({ where: { jobId, status: 'submitted' }, data: { status: 'cancelled' } });
  if (updated.count) await deps.printVendor.cancel(jobId);
  return { cancelled: true };
}

/** At most one refund per order (unique pair), recorded before the provider is called with the same key. */
export async function refundOrder(deps: LicensingDeps, order: FullOrder, idempotencyKey: string) {
  const charge = await capturePayment(deps, order);
  const refund = await deps.db.hardCopyPayment.upsert({
    where: { orderId_kind: { orderId: order.id, kind: 'refund' } },
    update: {},
    create: { orderId: order.id, kind: 'refund', idempotencyKey, amountCents: charge.amountCents, status: 'pending' },
  });
  if (refund.status !== 'succeeded') {
    const result = await deps.payments.refund({ idempotencyKey: refund.idempotencyKey, receiptId: charge.receiptId, amountCents: refund.amountCents });
    await deps.db.hardCopyPayment.update({ where: { id: refund.id }, data: { status: 'succeeded', receiptId: result.refundId } });
    await recordOrderEvent(deps, order, { actor: 'system', type: 'refund-issued', detail: { amountCents: refund.amountCents, refundId: result.refundId }, idempotencyKey: `${idempotencyKey}:event` });
    return { refundId: result.refundId, amountCents: refund.amountCents };
  }
  return { refundId: refund.receiptId!, amountCents: refund.amountCents };
}

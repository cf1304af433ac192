import type { z } from 'zod';
import type { hardCopyOrderRequest } from '@elar/api';
import { AppError, badRequest, conflict, notFound, unprocessable } from '@elar/errors';
import type { Principal } from '@elar/http';
import { startHardCopyFulfillment } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { isUniqueViolation } from '../db/client';
import { asLicensing } from '../identity-calls';
import { currentStatus } from '../licenses/license-views';
import { includeOrder, type FullOrder } from './order-view';
import { recordOrderEvent } from './order-timeline';

type OrderRequest = z.infer<typeof hardCopyOrderRequest>;

/** The license if it is the caller's; others get 404 (no probing). */
export async function ownedLicense(deps: LicensingDeps, principal: Principal, licenseNumber: string) {
  const license = await deps.db.license.findUnique({ where: { licenseNumber } });
  if (!license || license.profileId !== principal.userId) throw notFound('license-not-found', 'No such license.');
  return license;
}

const declined = (code: string | null) =>
  new AppError(402, code ?? 'card-declined', 'The card was declined; nothing was ordered. Try another card with a new idempotency key.');

/** Starts the order's fulfillment; its id rejects a second start (one workflow per order). */
async function startFulfillment(deps: LicensingDeps, order: FullOrder) {
  await startHardCopyFulfillment(deps.temporal.client, { orderNumber: order.orderNumber, profileId: order.profileId, mepid: order.mepid, licenseNumber: order.license.licenseNumber });
}

/** The answer for a key already used: the same order (its workflow started), the same decline, or "in progress". */
async function replay(deps: LicensingDeps, principal: Principal, paymentKey: string) {
  const payment = await deps.db.hardCopyPayment.findUnique({ where: { idempotencyKey: paymentKey }, include: { order: { include: includeOrder } } });
  if (!payment) return undefined;
  if (payment.kind !== 'charge' || payment.order.profileId !== principal.userId) throw conflict('idempotency-key-reused', 'This idempotency key belongs to another payment.');
  if (payment.status === 'declined') throw declined(payment.declineCode);
  if (payment.status !== 'succeeded') throw conflict('payment-in-progress', 'This payment is still being processed; try again in a moment.');
  await startFulfillment(deps, payment.order);
  return { created: false, order: payment.order };
}

/** The mailing address on the educator's profile (identity owns it). */
async function profileAddress(deps: LicensingDeps, profileId: string) {
  const { body } = await deps.identity.get<{ address: Record<string, string> | null }>(`/internal/profiles/${encodeURIComponent(profileId)}/mailing-address`, asLicensing);
  if (!body.address) throw unprocessable('address-required', 'Your profile has no mailing address; give one for this order.');
  return body.address;
}

/**
 * Charges quantity x fee once per idempotency key (the key is recorded with the order before the
 * provider is called, and passed to it), then starts the fulfillment workflow with ids only.
 */
export async function placeOrder(deps: LicensingDeps, principal: Principal, body: OrderRequest) {
  const again = await replay(deps, principal, body.idempotencyKey);
  if (again) return again;
  if (body.testVendorFailures !== undefined && deps.config.NODE_ENV === 'production') throw badRequest('test-flag-refused', 'testVendorFailures is for test mode only.');
  const license = await ownedLicense(deps, principal, body.licenseNumber);
  const mailTo = body.address ?? (await profileAddress(deps, principal.userId));
  if (currentStatus(license) !== 'Active') throw conflict('license-not-active', 'Only an active license can be printed.');
  const rows = await deps.db.$queryRaw<{ v: bigint }[]>`SELECT nextval('hard_copy_order_seq') AS v`;
  const orderNumber = `HC-${new Date().getUTCFullYear()}-${String(rows[0]!.v).padStart(6, '0')}`;
  const unitFeeCents = deps.config.HARD_COPY_FEE_CENTS;
  const amountCents = unitFeeCents * body.quantity;
  let order: FullOrder;
  try {
    order = await deps.db.hardCopyOrder.create({
      data: {
        orderNumber, profileId: license.profileId, mepid: license.mepid, licenseId: license.id, quantity: body.quantity, unitFeeCents, amountCents,
        address: mailTo, status: 'Payment Pending', vendorFailures: body.testVendorFailures ?? 0,
        payments: { create: { kind: 'charge', idempotencyKey: body.idempotencyKey, amountCents, status: 'pending', cardLast4: body.card.number.slice(-4) } },
      },
      include: includeOrder,
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await replay(deps, principal, body.idempotencyKey))!; // the same key raced us
  }
  const result = await deps.payments.charge({ idempotencyKey: body.idempotencyKey, amountCents, card: body.card, description: `ELAR hard copy ${orderNumber}` });
  if (result.status === 'declined') {
    await deps.db.hardCopyPayment.update({ where: { idempotencyKey: body.idempotencyKey }, data: { status: 'declined', declineCode: result.declineCode } });
    await recordOrderEvent(deps, order, { actor: 'educator', type: 'payment-declined', status: 'Payment Declined', detail: { declineCode: result.declineCode } });
    throw declined(result.declineCode);
  }
  await deps.db.hardCopyPayment.update({ where: { idempotencyKey: body.idempotencyKey }, data: { status: 'succeeded', receiptId: result.receiptId } });
  await recordOrderEvent(deps, order, { actor: 'educator', type: 'payment-received', status: 'Paid', detail: { amountCents, receiptId: result.receiptId } });
  await startFulfillment(deps, order);
  return { created: true, order: (await deps.db.hardCopyOrder.findUniqueOrThrow({ where: { id: order.id }, include: includeOrder })) };
}

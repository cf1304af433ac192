import type { z } from 'zod';
import type { hardCopyOrderRequest } from '@elar/api';
import { badRequest, conflict, notFound, unprocessable } from '@elar/errors';
import type { Principal } from '@elar/http';
import { startHardCopyFulfillment } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import type { HardCopyPayment } from '../generated/prisma/client';
import { asLicensing } from '../identity-calls';
import { chargeOnce, type PaymentLedger } from '../payments/charge-once';
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

/** Starts the order's fulfillment; its id rejects a second start (one workflow per order). */
async function startFulfillment(deps: LicensingDeps, order: FullOrder) {
  await startHardCopyFulfillment(deps.temporal.client, { orderNumber: order.orderNumber, profileId: order.profileId, mepid: order.mepid, licenseNumber: order.license.licenseNumber });
}

/** The mailing address on the educator's profile (identity owns it). */
async function profileAddress(deps: LicensingDeps, profileId: string) {
  const { body } = await deps.identity.get<{ address: Record<string, string> | null }>(`/internal/profiles/${encodeURIComponent(profileId)}/mailing-address`, asLicensing);
  if (!body.address) throw unprocessable('address-required', 'Your profile has no mailing address; give one for this order.');
  return body.address;
}

/** A new order's terms, checked: the license is the caller's and active, the address known, a number drawn. */
async function orderTerms(deps: LicensingDeps, principal: Principal, body: OrderRequest) {
  if (body.testVendorFailures !== undefined && deps.config.NODE_ENV === 'production') throw badRequest('test-flag-refused', 'testVendorFailures is for test mode only.');
  const license = await ownedLicense(deps, principal, body.licenseNumber);
  const address = body.address ?? (await profileAddress(deps, principal.userId));
  if (currentStatus(license) !== 'Active') throw conflict('license-not-active', 'Only an active license can be printed.');
  const rows = await deps.db.$queryRaw<{ v: bigint }[]>`SELECT nextval('hard_copy_order_seq') AS v`;
  const orderNumber = `HC-${new Date().getUTCFullYear()}-${String(rows[0]!.v).padStart(6, '0')}`;
  const unitFeeCents = deps.config.HARD_COPY_FEE_CENTS;
  return { license, address, orderNumber, unitFeeCents, amountCents: unitFeeCents * body.quantity };
}

/**
 * Charges quantity x fee once per idempotency key (charge-once.ts: the key is recorded with the new
 * order before the provider is called, and passed to it), then starts the fulfillment workflow with
 * ids only. The same key again answers the same order, starting its workflow if a crash came between.
 */
export async function placeOrder(deps: LicensingDeps, principal: Principal, body: OrderRequest) {
  const ledger: PaymentLedger<HardCopyPayment> = {
    // A charge's key belongs to the educator who ordered with it; a refund's key is nobody's to reuse.
    ownerId: principal.userId,
    byKey: async (idempotencyKey) => {
      const p = await deps.db.hardCopyPayment.findUnique({ where: { idempotencyKey }, include: { order: { select: { profileId: true } } } });
      return p && { ...p, ownerId: p.kind === 'charge' ? p.order.profileId : `refund:${p.orderId}` };
    },
    // Each order is made with its payment: no other payment can hold it.
    live: async () => null,
    create: async (payment) => {
      const t = terms!;
      const order = await deps.db.hardCopyOrder.create({
        data: {
          orderNumber: t.orderNumber, profileId: t.license.profileId, mepid: t.license.mepid, licenseId: t.license.id, quantity: body.quantity,
          unitFeeCents: t.unitFeeCents, amountCents: t.amountCents, address: t.address, status: 'Payment Pending', vendorFailures: body.testVendorFailures ?? 0,
          payments: { create: { kind: 'charge', ...payment, status: 'pending' } },
        },
        include: { payments: true },
      });
      return order.payments[0]!;
    },
    settle: (id, data) => deps.db.hardCopyPayment.update({ where: { id }, data }),
  };
  const known = await ledger.byKey(body.idempotencyKey);
  const terms = known ? undefined : await orderTerms(deps, principal, body);
  const { created, payment } = await chargeOnce(deps.payments, ledger, {
    idempotencyKey: body.idempotencyKey, amountCents: terms?.amountCents ?? known!.amountCents, card: body.card, description: `ELAR hard copy ${terms?.orderNumber ?? ''}`,
  }, 'hard-copy order', async (p) => {
    const order = await deps.db.hardCopyOrder.findUniqueOrThrow({ where: { id: p.orderId }, include: includeOrder });
    if (p.status === 'declined') await recordOrderEvent(deps, order, { actor: 'educator', type: 'payment-declined', status: 'Payment Declined', detail: { declineCode: p.declineCode } });
    else await recordOrderEvent(deps, order, { actor: 'educator', type: 'payment-received', status: 'Paid', detail: { amountCents: p.amountCents, receiptId: p.receiptId } });
  });
  const order = await deps.db.hardCopyOrder.findUniqueOrThrow({ where: { id: payment.orderId }, include: includeOrder });
  await startFulfillment(deps, order);
  return { created, order };
}

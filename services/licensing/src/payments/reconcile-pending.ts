import type { LicensingDeps } from '../deps';
import type { PaymentProvider } from './provider';

/** A payment still pending after this long was left by a crash between recording its key and settling it. */
export const STALE_PENDING_MS = 10 * 60_000;

type Settlement = { status: 'succeeded'; receiptId: string } | { status: 'declined'; declineCode: string };

/** What the processor says of a key: charged (keep the receipt), declined, or never seen (`not-charged`: a new key can pay). */
async function settlementOf(provider: PaymentProvider, idempotencyKey: string): Promise<Settlement> {
  const seen = await provider.lookup(idempotencyKey);
  if (seen?.status === 'succeeded') return { status: 'succeeded', receiptId: seen.receiptId };
  return { status: 'declined', declineCode: seen?.declineCode ?? 'not-charged' };
}

/**
 * What the payments-reconciler Schedule runs (once per cluster, every minute): every application,
 * renewal and hard-copy charge left pending settles as the processor answered its key. Only a row
 * still pending is changed (a late settlement of the original request wins). The educator's retry
 * with the same key then gets the receipt (and an order's fulfillment starts), or pays with a new key.
 */
export async function reconcilePendingPayments(deps: Pick<LicensingDeps, 'db' | 'payments'>, now = new Date()) {
  const stale = { status: 'pending', createdAt: { lt: new Date(now.getTime() - STALE_PENDING_MS) } };
  const ledgers = [
    { pending: () => deps.db.payment.findMany({ where: stale, take: 100 }), settle: (id: string, data: Settlement) => deps.db.payment.updateMany({ where: { id, status: 'pending' }, data }) },
    { pending: () => deps.db.renewalPayment.findMany({ where: stale, take: 100 }), settle: (id: string, data: Settlement) => deps.db.renewalPayment.updateMany({ where: { id, status: 'pending' }, data }) },
    {
      pending: () => deps.db.hardCopyPayment.findMany({ where: { ...stale, kind: 'charge' }, take: 100 }),
      settle: async (id: string, data: Settlement) => {
        const settled = await deps.db.hardCopyPayment.updateMany({ where: { id, status: 'pending' }, data });
        const payment = await deps.db.hardCopyPayment.findUniqueOrThrow({ where: { id } });
        if (settled.count && data.status === 'declined') await deps.db.hardCopyOrder.update({ where: { id: payment.orderId }, data: { status: 'Payment Declined' } });
        return settled;
      },
    },
  ];
  let settled = 0;
  for (const ledger of ledgers) {
    for (const p of await ledger.pending()) settled += (await ledger.settle(p.id, await settlementOf(deps.payments, p.idempotencyKey))).count;
  }
  return { settled };
}

import { AppError, conflict } from '@elar/errors';
import { isUniqueViolation } from '../db/client';
import type { ChargeRequest, PaymentProvider } from './provider';

export interface PaymentRow {
  id: string;
  amountCents: number;
  status: string;
  receiptId: string | null;
  cardLast4: string | null;
  declineCode: string | null;
}

/** Where one kind of payment (say, renewal fees) is kept, for one thing being paid for. */
export interface PaymentLedger<P extends PaymentRow> {
  byKey(idempotencyKey: string): Promise<(P & { ownerId: string }) | null>;
  ownerId: string;
  /** The pending or succeeded payment, if any (a partial unique index allows one). */
  live(): Promise<P | null>;
  create(data: { idempotencyKey: string; amountCents: number; cardLast4: string }): Promise<P>;
  settle(id: string, data: { status: 'succeeded' | 'declined'; receiptId?: string; declineCode?: string }): Promise<P>;
}

export const toReceipt = (p: PaymentRow) => ({ paymentId: p.id, status: 'succeeded' as const, amountCents: p.amountCents, receiptId: p.receiptId!, cardLast4: p.cardLast4 });
const declined = (p: PaymentRow, what: string) =>
  new AppError(402, p.declineCode ?? 'card-declined', `The card was declined; the ${what} is still unpaid. Try another card with a new idempotency key.`);

function replay<P extends PaymentRow>(p: P & { ownerId: string }, ownerId: string, what: string) {
  if (p.ownerId !== ownerId) throw conflict('idempotency-key-reused', 'This idempotency key belongs to another payment.');
  if (p.status === 'succeeded') return { created: false, payment: p as P };
  if (p.status === 'declined') throw declined(p, what);
  throw conflict('payment-in-progress', 'This payment is still being processed; try again in a moment.');
}

/**
 * Charges once per idempotency key: the key is recorded before the provider is called (and passed to
 * it), so a retry or double click gets the first answer; a second key finds the live payment and is refused.
 * The one way every fee is charged (application, renewal, hard copy). `settled` runs once, after the
 * provider answered a fresh charge (never on a replay): the caller's timeline event, email, counter.
 */
export async function chargeOnce<P extends PaymentRow>(
  provider: PaymentProvider, ledger: PaymentLedger<P>, req: ChargeRequest, what: string,
  settled: (payment: P) => Promise<void> = async () => undefined,
): Promise<{ created: boolean; payment: P }> {
  const existing = await ledger.byKey(req.idempotencyKey);
  if (existing) return replay(existing, ledger.ownerId, what);
  const refuseLive = (live: P | null) => {
    if (live?.status === 'succeeded') throw conflict('already-paid', `This ${what} is already paid.`);
    if (live) throw conflict('payment-in-progress', `Another payment for this ${what} is being processed.`);
  };
  refuseLive(await ledger.live());
  let payment: P;
  try {
    payment = await ledger.create({ idempotencyKey: req.idempotencyKey, amountCents: req.amountCents, cardLast4: req.card.number.slice(-4) });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const same = await ledger.byKey(req.idempotencyKey);
    if (same) return replay(same, ledger.ownerId, what);
    refuseLive(await ledger.live());
    throw err;
  }
  const result = await provider.charge(req);
  payment = await ledger.settle(payment.id, result.status === 'declined'
    ? { status: 'declined', declineCode: result.declineCode }
    : { status: 'succeeded', receiptId: result.receiptId });
  await settled(payment);
  if (payment.status === 'declined') throw declined(payment, what);
  return { created: true, payment };
}

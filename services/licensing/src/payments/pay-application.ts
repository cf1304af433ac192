import type { z } from 'zod';
import type { payRequest } from '@elar/api';
import { AppError, conflict } from '@elar/errors';
import { domainCounters, type Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { DRAFT_STATUSES } from '../applications/checklist';
import { recordEvent } from '../applications/timeline';
import { notifyEducator } from '../notifications/notify-educator';
import { applicationFeeCents } from '../catalog/catalog';
import { isUniqueViolation } from '../db/client';
import type { Payment } from '../generated/prisma/client';

const receipt = (p: Payment) => ({ paymentId: p.id, status: 'succeeded' as const, amountCents: p.amountCents, receiptId: p.receiptId!, cardLast4: p.cardLast4 });
const declined = (p: Payment) =>
  new AppError(402, p.declineCode ?? 'card-declined', 'The card was declined; the application is still unpaid. Try another card with a new idempotency key.');

/** The answer for a key already used: the same receipt, the same decline, or "still in progress". */
function replay(p: Payment, applicationId: string) {
  if (p.applicationId !== applicationId) throw conflict('idempotency-key-reused', 'This idempotency key belongs to another payment.');
  if (p.status === 'succeeded') return { created: false, receipt: receipt(p) };
  if (p.status === 'declined') throw declined(p);
  throw conflict('payment-in-progress', 'This payment is still being processed; try again in a moment.');
}

/**
 * Charges the application fee once per idempotency key: the key is recorded before the provider is
 * called (and passed to it), so a retry or double click gets the first answer, never a second charge.
 */
export async function payApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string, body: z.infer<typeof payRequest>) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  const existing = await deps.db.payment.findUnique({ where: { idempotencyKey: body.idempotencyKey } });
  if (existing) return replay(existing, app.id);
  if (app.payments.some((p) => p.status === 'succeeded')) throw conflict('already-paid', 'This application is already paid.');
  if (!DRAFT_STATUSES.includes(app.status)) throw conflict('application-not-payable', `An application that is ${app.status} cannot be paid.`);
  const amountCents = applicationFeeCents(deps.catalog, app.items.length);
  let payment: Payment;
  try {
    payment = await deps.db.payment.create({
      data: { idempotencyKey: body.idempotencyKey, applicationId: app.id, amountCents, status: 'pending', cardLast4: body.card.number.slice(-4) },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Either the same key raced us, or another live payment holds the application (partial unique index).
    const same = await deps.db.payment.findUnique({ where: { idempotencyKey: body.idempotencyKey } });
    if (same) return replay(same, app.id);
    const live = await deps.db.payment.findFirst({ where: { applicationId: app.id, status: { in: ['pending', 'succeeded'] } } });
    if (live?.status === 'succeeded') throw conflict('already-paid', 'This application is already paid.');
    throw conflict('payment-in-progress', 'Another payment for this application is being processed.');
  }
  const result = await deps.payments.charge({
    idempotencyKey: body.idempotencyKey, amountCents, card: body.card, description: `ELAR application ${applicationNumber}`,
  });
  domainCounters().payments.inc({ outcome: result.status });
  if (result.status === 'declined') {
    payment = await deps.db.payment.update({ where: { id: payment.id }, data: { status: 'declined', declineCode: result.declineCode } });
    await recordEvent(deps, app, { actor: 'educator', type: 'payment-declined', detail: { declineCode: result.declineCode } });
    throw declined(payment);
  }
  payment = await deps.db.payment.update({ where: { id: payment.id }, data: { status: 'succeeded', receiptId: result.receiptId } });
  await recordEvent(deps, app, { actor: 'educator', type: 'payment-received', detail: { amountCents, receiptId: result.receiptId } });
  await notifyEducator(deps, {
    idempotencyKey: `payment-received:${payment.id}`, profileId: app.profileId, template: 'payment-received',
    data: { applicationNumber, amountCents, receiptId: result.receiptId, paidAt: new Date().toISOString() },
  });
  return { created: true, receipt: receipt(payment) };
}

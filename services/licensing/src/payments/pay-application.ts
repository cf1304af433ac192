import type { z } from 'zod';
import type { payRequest } from '@elar/api';
import { conflict } from '@elar/errors';
import { domainCounters, type Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { DRAFT_STATUSES } from '../applications/checklist';
import { recordEvent } from '../applications/timeline';
import { notifyEducator } from '../notifications/notify-educator';
import { applicationFeeCents } from '../catalog/catalog';
import type { Payment } from '../generated/prisma/client';
import { chargeOnce, toReceipt, type PaymentLedger } from './charge-once';

/**
 * Charges the application fee once per idempotency key (charge-once.ts): a retry or double click
 * gets the first answer, never a second charge; a paid or submitted application is refused.
 */
export async function payApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string, body: z.infer<typeof payRequest>) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  const ledger: PaymentLedger<Payment> = {
    ownerId: app.id,
    byKey: async (idempotencyKey) => {
      const p = await deps.db.payment.findUnique({ where: { idempotencyKey } });
      return p && { ...p, ownerId: p.applicationId };
    },
    live: () => deps.db.payment.findFirst({ where: { applicationId: app.id, status: { in: ['pending', 'succeeded'] } } }),
    create: (data) => deps.db.payment.create({ data: { ...data, applicationId: app.id, status: 'pending' } }),
    settle: (id, data) => deps.db.payment.update({ where: { id }, data }),
  };
  const replayed = await ledger.byKey(body.idempotencyKey);
  if (!replayed && !app.payments.some((p) => p.status === 'succeeded') && !DRAFT_STATUSES.includes(app.status)) {
    throw conflict('application-not-payable', `An application that is ${app.status} cannot be paid.`);
  }
  const amountCents = applicationFeeCents(deps.catalog, app.items.length);
  const { created, payment } = await chargeOnce(deps.payments, ledger, {
    idempotencyKey: body.idempotencyKey, amountCents, card: body.card, description: `ELAR application ${applicationNumber}`,
  }, 'application', async (p) => {
    domainCounters().payments.inc({ outcome: p.status });
    if (p.status === 'declined') {
      await recordEvent(deps, app, { actor: 'educator', type: 'payment-declined', detail: { declineCode: p.declineCode } });
      return;
    }
    await recordEvent(deps, app, { actor: 'educator', type: 'payment-received', detail: { amountCents, receiptId: p.receiptId } });
    await notifyEducator(deps, {
      idempotencyKey: `payment-received:${p.id}`, profileId: app.profileId, template: 'payment-received',
      data: { applicationNumber, amountCents, receiptId: p.receiptId!, paidAt: new Date().toISOString() },
    });
  });
  return { created, receipt: toReceipt(payment) };
}

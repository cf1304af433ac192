import type { z } from 'zod';
import type { payRequest } from '@elar/api';
import { conflict, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { chargeOnce, toReceipt, type PaymentLedger } from '../payments/charge-once';
import type { RenewalPayment } from '../generated/prisma/client';
import { renewableLicenses } from './create-renewal';
import { startRenewal } from './start-renewal';

export async function renewalFor(deps: Pick<LicensingDeps, 'db'>, principal: Principal, renewalNumber: string) {
  const r = await deps.db.renewal.findUnique({ where: { renewalNumber }, include: { payments: true } });
  if (!r || (principal.role === 'educator' && r.profileId !== principal.userId) || !['educator', 'evaluator', 'customer-service', 'system'].includes(principal.role)) {
    throw notFound('renewal-not-found', 'No such renewal.');
  }
  return r;
}

/**
 * Charges the renewal fee once per idempotency key, then starts processing (at once, or audit). A
 * retry with the same key after a crash between the charge and the start starts it then.
 */
export async function payRenewal(deps: LicensingDeps, principal: Principal, renewalNumber: string, body: z.infer<typeof payRequest>) {
  const r = await renewalFor(deps, principal, renewalNumber);
  const ledger: PaymentLedger<RenewalPayment> = {
    ownerId: r.id,
    byKey: async (idempotencyKey) => {
      const p = await deps.db.renewalPayment.findUnique({ where: { idempotencyKey } });
      return p && { ...p, ownerId: p.renewalId };
    },
    live: () => deps.db.renewalPayment.findFirst({ where: { renewalId: r.id, status: { in: ['pending', 'succeeded'] } } }),
    create: (data) => deps.db.renewalPayment.create({ data: { ...data, renewalId: r.id, status: 'pending' } }),
    settle: (id, data) => deps.db.renewalPayment.update({ where: { id }, data }),
  };
  const replayed = await ledger.byKey(body.idempotencyKey);
  if (!replayed && !r.payments.some((p) => p.status === 'succeeded')) {
    if (r.status !== 'Draft') throw conflict('renewal-not-payable', `A renewal that is ${r.status} cannot be paid.`);
    // Still renewable (nothing else renewed these licenses meanwhile) before any money moves.
    await renewableLicenses(deps, r.profileId, r.licenseNumbers, r.renewalNumber);
  }
  const { created, payment } = await chargeOnce(deps.payments, ledger, {
    idempotencyKey: body.idempotencyKey, amountCents: r.feeCents, card: body.card, description: `ELAR renewal ${r.renewalNumber}`,
  }, 'renewal');
  await startRenewal(deps, r.renewalNumber);
  return { created, receipt: toReceipt(payment) };
}

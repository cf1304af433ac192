import { createHash } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider, RefundRequest } from './provider';

/** Card numbers the offline provider knows, as a processor's test mode documents them. */
export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
} as const;

/**
 * The default provider: works offline and behaves like a card processor's test mode. 4242424242424242
 * succeeds, 4000000000000002 is declined, any other number is declined as not a test card, an expired
 * card is declined. A repeated idempotency key answers the first result and never charges again.
 */
export function createOfflinePaymentProvider(now: () => Date = () => new Date()): PaymentProvider & { charges(): number; refunds(): number } {
  const byKey = new Map<string, ChargeResult>();
  const refundsByKey = new Map<string, { refundId: string }>();
  let charges = 0;
  return {
    charges: () => charges,
    refunds: () => refundsByKey.size,
    lookup: async (idempotencyKey) => byKey.get(idempotencyKey) ?? null,
    async refund(req: RefundRequest) {
      const seen = refundsByKey.get(req.idempotencyKey);
      if (seen) return seen;
      const result = { refundId: `rfnd_${createHash('sha256').update(req.idempotencyKey).digest('hex').slice(0, 20)}` };
      refundsByKey.set(req.idempotencyKey, result);
      return result;
    },
    async charge(req: ChargeRequest): Promise<ChargeResult> {
      const seen = byKey.get(req.idempotencyKey);
      if (seen) return seen;
      const today = now();
      const expired = req.card.expYear < today.getUTCFullYear() || (req.card.expYear === today.getUTCFullYear() && req.card.expMonth < today.getUTCMonth() + 1);
      let result: ChargeResult;
      if (expired) result = { status: 'declined', declineCode: 'expired-card', message: 'The card has expired.' };
      else if (req.card.number === TEST_CARDS.succeeds) {
        charges++;
        result = { status: 'succeeded', receiptId: `rcpt_${createHash('sha256').update(req.idempotencyKey).digest('hex').slice(0, 20)}` };
      } else if (req.card.number === TEST_CARDS.declined) result = { status: 'declined', declineCode: 'card-declined', message: 'The card was declined.' };
      else result = { status: 'declined', declineCode: 'not-a-test-card', message: 'Only the documented test card numbers work in test mode.' };
      byKey.set(req.idempotencyKey, result);
      return result;
    },
  };
}

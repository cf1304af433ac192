import { describe, expect, it } from '@jest/globals';
import { TEST_CARDS, createOfflinePaymentProvider } from './offline-provider';

const card = (number: string, expYear = 2099) => ({ number, expMonth: 12, expYear, cvc: '123' });

describe('offline card provider (test mode)', () => {
  it('charges the success test card once per idempotency key, answering a retry with the same receipt', async () => {
    const provider = createOfflinePaymentProvider();
    const first = await provider.charge({ idempotencyKey: 'key-0001', amountCents: 10000, description: 'x', card: card(TEST_CARDS.succeeds) });
    const again = await provider.charge({ idempotencyKey: 'key-0001', amountCents: 10000, description: 'x', card: card(TEST_CARDS.succeeds) });
    expect(first).toMatchObject({ status: 'succeeded' });
    expect(again).toEqual(first);
    expect(provider.charges()).toBe(1);
  });

  it('declines the decline test card, unknown numbers and expired cards without charging', async () => {
    const provider = createOfflinePaymentProvider(() => new Date('2026-11-29T00:00:00Z'));
    const charge = (key: string, c: ReturnType<typeof card>) => provider.charge({ idempotencyKey: key, amountCents: 100, description: 'x', card: c });
    expect(await charge('k-declined', card(TEST_CARDS.declined))).toMatchObject({ status: 'declined', declineCode: 'card-declined' });
    expect(await charge('k-unknown', card('5555555555554444'))).toMatchObject({ status: 'declined', declineCode: 'not-a-test-card' });
    expect(await charge('k-expired', card(TEST_CARDS.succeeds, 2025))).toMatchObject({ status: 'declined', declineCode: 'expired-card' });
    expect(provider.charges()).toBe(0);
  });
});

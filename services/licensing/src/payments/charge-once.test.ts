import { describe, expect, it } from '@jest/globals';
import { chargeOnce, type PaymentLedger, type PaymentRow } from './charge-once';
import { TEST_CARDS, createOfflinePaymentProvider } from './offline-provider';

type Row = PaymentRow & { ownerId: string; idempotencyKey: string };

/** One owner's payments kept in memory with the database's two rules: a key is unique, and one payment per owner is live. */
function memoryLedger(rows: Row[], ownerId: string): PaymentLedger<Row> {
  const unique = () => Object.assign(new Error('unique violation'), { code: 'P2002' });
  return {
    ownerId,
    byKey: async (key) => rows.find((r) => r.idempotencyKey === key) ?? null,
    live: async () => rows.find((r) => r.ownerId === ownerId && r.status !== 'declined') ?? null,
    create: async (data) => {
      await new Promise((r) => setImmediate(r)); // a round trip: lets a concurrent request interleave
      if (rows.some((r) => r.idempotencyKey === data.idempotencyKey || (r.ownerId === ownerId && r.status !== 'declined'))) throw unique();
      const row: Row = { id: `p${rows.length + 1}`, ownerId, status: 'pending', receiptId: null, declineCode: null, ...data };
      rows.push(row);
      return row;
    },
    settle: async (id, data) => Object.assign(rows.find((r) => r.id === id)!, data),
  };
}

const card = (number: string) => ({ number, expMonth: 12, expYear: 2099, cvc: '123' });
const request = (idempotencyKey: string, number: string = TEST_CARDS.succeeds) => ({ idempotencyKey, amountCents: 10_000, description: 'fee', card: card(number) });

describe('chargeOnce, the one way every fee is charged', () => {
  it('charges once for the same key sent twice at once; both get the payment, the settled hook runs once', async () => {
    const provider = createOfflinePaymentProvider();
    const rows: Row[] = [];
    const settled: string[] = [];
    const hook = async (p: Row) => void settled.push(p.status);
    const answers = await Promise.allSettled([1, 2].map(() => chargeOnce(provider, memoryLedger(rows, 'app-1'), request('key-same-0001'), 'application', hook)));
    const ok = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(ok.filter((a) => a.created)).toHaveLength(1);
    // The other one is the same payment, or "still in progress" while the first one runs.
    for (const a of answers) if (a.status === 'rejected') expect((a.reason as { code: string }).code).toBe('payment-in-progress');
    expect(provider.charges()).toBe(1);
    expect(settled).toEqual(['succeeded']);
    const replay = await chargeOnce(provider, memoryLedger(rows, 'app-1'), request('key-same-0001'), 'application', hook);
    expect(replay).toMatchObject({ created: false, payment: { status: 'succeeded' } });
    expect(settled).toHaveLength(1);
  });

  it('refuses a second key for a paid owner and a key that belongs to another owner', async () => {
    const provider = createOfflinePaymentProvider();
    const rows: Row[] = [];
    await chargeOnce(provider, memoryLedger(rows, 'app-1'), request('key-first-0001'), 'application');
    await expect(chargeOnce(provider, memoryLedger(rows, 'app-1'), request('key-other-0002'), 'application')).rejects.toMatchObject({ status: 409, code: 'already-paid' });
    await expect(chargeOnce(provider, memoryLedger(rows, 'app-2'), request('key-first-0001'), 'application')).rejects.toMatchObject({ status: 409, code: 'idempotency-key-reused' });
    expect(provider.charges()).toBe(1);
  });

  it('a declined card answers 402 with the decline code, runs the hook once, and the same key replays the decline; a new key can pay', async () => {
    const provider = createOfflinePaymentProvider();
    const rows: Row[] = [];
    const settled: string[] = [];
    const hook = async (p: Row) => void settled.push(p.status);
    const refused = { status: 402, code: 'card-declined', message: expect.stringContaining('the renewal is still unpaid') };
    await expect(chargeOnce(provider, memoryLedger(rows, 'r-1'), request('key-declined-01', TEST_CARDS.declined), 'renewal', hook)).rejects.toMatchObject(refused);
    await expect(chargeOnce(provider, memoryLedger(rows, 'r-1'), request('key-declined-01', TEST_CARDS.declined), 'renewal', hook)).rejects.toMatchObject(refused);
    expect(settled).toEqual(['declined']);
    expect(await chargeOnce(provider, memoryLedger(rows, 'r-1'), request('key-retry-0002'), 'renewal', hook)).toMatchObject({ created: true });
    expect(settled).toEqual(['declined', 'succeeded']);
  });
});

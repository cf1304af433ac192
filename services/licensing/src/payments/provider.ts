/** What the service needs from a card processor; the provider must treat a repeated key as the same charge. */
export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  description: string;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
}

export type ChargeResult =
  | { status: 'succeeded'; receiptId: string }
  | { status: 'declined'; declineCode: string; message: string };

export interface RefundRequest {
  idempotencyKey: string;
  /** The charge's receipt. */
  receiptId: string;
  amountCents: number;
}

export interface PaymentProvider {
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /** Refunds (part of) a charge; a repeated key answers the first refund and never refunds again. */
  refund(req: RefundRequest): Promise<{ refundId: string }>;
  /** What the processor answered for a key, or null when it never saw it (the pending-payments reconciler asks). */
  lookup(idempotencyKey: string): Promise<ChargeResult | null>;
}

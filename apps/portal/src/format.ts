export const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
export const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : '');
export const moment = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '');
/** A fresh idempotency key: one per payment attempt, reused only when the same attempt is retried. */
export const newKey = () => `portal-${crypto.randomUUID()}`;

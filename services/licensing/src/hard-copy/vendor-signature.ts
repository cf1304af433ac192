import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '@elar/errors';

/** Headers of a print-vendor webhook call: when it was signed (Unix seconds) and the signature. */
export const VENDOR_TIMESTAMP_HEADER = 'x-print-vendor-timestamp';
export const VENDOR_SIGNATURE_HEADER = 'x-print-vendor-signature';
/** How far a signed call's time may be from ours: an older call is a replay and is refused. */
export const VENDOR_REPLAY_WINDOW_SECONDS = 300;

/** `v1=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the shared secret (what the vendor sends). */
export const signVendorEvent = (secret: string, timestamp: number, rawBody: Buffer | string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;

const refuse = (why: string) => unauthorized('bad-vendor-signature', `The print vendor's signature was refused: ${why}.`);

/**
 * Checks a webhook call: signed with the shared secret over its timestamp and exact body, and
 * signed within the replay window. (A replayed event inside the window is harmless: each event id
 * is applied once by the order's workflow.)
 */
export function verifyVendorSignature(secret: string | undefined, headers: { timestamp?: string; signature?: string }, rawBody: Buffer | undefined, now = Date.now()) {
  if (!secret) throw refuse('no vendor secret is configured (PRINT_VENDOR_WEBHOOK_SECRET)');
  if (!headers.timestamp || !headers.signature || !rawBody) throw refuse('missing timestamp, signature or body');
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp)) throw refuse('bad timestamp');
  if (Math.abs(now / 1000 - timestamp) > VENDOR_REPLAY_WINDOW_SECONDS) throw refuse('outside the replay window');
  const expected = Buffer.from(signVendorEvent(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('signature does not match');
}

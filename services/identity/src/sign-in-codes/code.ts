import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { SIGN_IN_CODE_RULES } from './rules';

/** A uniformly random code of the rule's length, leading zeros kept. */
export const newCode = () => String(randomInt(0, 10 ** SIGN_IN_CODE_RULES.digits)).padStart(SIGN_IN_CODE_RULES.digits, '0');

/** The challenge id the client holds: 144 random bits. */
export const newChallengeId = () => randomBytes(18).toString('base64url');

/** A key for one purpose, derived from identity's secret (labels keep the purposes apart). */
export const deriveKey = (secret: string, label: string) => createHmac('sha256', secret).update(`elar:${label}`).digest();

/** Codes are stored as a keyed HMAC bound to their challenge: a copy of the table alone cannot be guessed through. */
export const codeDigest = (key: Buffer, challengeId: string, code: string) => createHmac('sha256', key).update(`${challengeId}:${code}`).digest('hex');

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

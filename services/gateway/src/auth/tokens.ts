import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@elar/http';

/** A session token: `v1.<payload>.<hmac>`; the payload names the session and the principal, and expires. */
export interface TokenPayload {
  sid: string;
  p: Principal;
  exp: number;
}

const mac = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64url');

export function signToken(key: string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `v1.${body}.${mac(key, body)}`;
}

/** Checks signature and expiry locally (no call to identity). Returns undefined for anything invalid. */
export function verifyToken(key: string, token: string, now = Date.now()): TokenPayload | undefined {
  const [version, body, sig] = token.split('.');
  if (version !== 'v1' || !body || !sig) return undefined;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    return payload.exp > now ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * verifyToken with a memory of tokens already verified (signature and payload), so a signed-in
 * client's requests cost a map lookup instead of an HMAC and a JSON parse each. Expiry is still
 * checked on every call; the oldest entry goes when `maxEntries` is reached.
 */
export function createTokenVerifier(key: string, maxEntries = 50_000) {
  const verified = new Map<string, TokenPayload>();
  return (token: string, now = Date.now()): TokenPayload | undefined => {
    const hit = verified.get(token);
    if (hit) {
      if (hit.exp > now) return hit;
      verified.delete(token);
      return undefined;
    }
    const payload = verifyToken(key, token, now);
    if (!payload) return undefined;
    if (verified.size >= maxEntries) verified.delete(verified.keys().next().value as string);
    verified.set(token, payload);
    return payload;
  };
}

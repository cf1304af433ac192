import { describe, expect, it, jest } from '@jest/globals';
import { createSessionCache } from './session-cache';
import { createTokenVerifier, signToken, verifyToken } from './tokens';

const KEY = 'k'.repeat(32);
const payload = { sid: 's1', p: { userId: 'u1', role: 'educator' as const }, exp: Date.now() + 60_000 };

describe('session tokens', () => {
  it('verify when signed with the key and not expired', () => {
    expect(verifyToken(KEY, signToken(KEY, payload))).toEqual(payload);
  });
  it('are refused when tampered with, signed with another key, or expired', () => {
    const token = signToken(KEY, payload);
    const [v, body, sig] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, p: { ...payload.p, role: 'operator' } })).toString('base64url');
    expect(verifyToken(KEY, `${v}.${forgedBody}.${sig}`)).toBeUndefined();
    expect(verifyToken('x'.repeat(32), token)).toBeUndefined();
    expect(verifyToken(KEY, signToken(KEY, { ...payload, exp: Date.now() - 1 }))).toBeUndefined();
    expect(verifyToken(KEY, `${v}.${body}`)).toBeUndefined();
  });
});

describe('session cache', () => {
  it('asks identity once per TTL and forgets a session at once on sign-out', async () => {
    const lookup = jest.fn(async () => true);
    const cache = createSessionCache(60_000, lookup);
    expect(await cache.isActive('s1')).toBe(true);
    expect(await cache.isActive('s1')).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(1);
    cache.forget('s1');
    lookup.mockResolvedValueOnce(false);
    expect(await cache.isActive('s1')).toBe(false);
  });
});

describe('session cache and the revocation feed', () => {
  it('refuses a revoked session without asking identity, even while an older lookup was in flight', async () => {
    let release!: (v: boolean) => void;
    const lookup = jest.fn(() => new Promise<boolean>((r) => (release = r)));
    const cache = createSessionCache(60_000, lookup);
    const pending = cache.isActive('s1');
    cache.revoke('s1');
    release(true);
    expect(await pending).toBe(false);
    expect(await cache.isActive('s1')).toBe(false);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('asks identity on every request while the feed is down, and caches again once it is back', async () => {
    const lookup = jest.fn(async () => true);
    const cache = createSessionCache(60_000, lookup);
    cache.feedLive(false);
    await cache.isActive('s1');
    await cache.isActive('s1');
    expect(lookup).toHaveBeenCalledTimes(2);
    cache.feedLive(true);
    await cache.isActive('s1');
    await cache.isActive('s1');
    expect(lookup).toHaveBeenCalledTimes(3);
  });
});

describe('token verifier', () => {
  it('remembers a verified token but still refuses it once expired, and never remembers a forged one', () => {
    const verify = createTokenVerifier(KEY);
    const token = signToken(KEY, payload);
    expect(verify(token)).toEqual(payload);
    expect(verify(token)).toBe(verify(token));
    expect(verify(token, payload.exp + 1)).toBeUndefined();
    const forged = signToken('x'.repeat(32), payload);
    expect(verify(forged)).toBeUndefined();
    expect(verify(forged)).toBeUndefined();
  });
});

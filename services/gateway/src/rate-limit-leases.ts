import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What one counted request leaves: points left in the window (this replica's view) and when the window ends. */
export interface Taken {
  remaining: number;
  msBeforeNext: number;
}

interface Lease {
  /** Points this replica took from the shared count and has not spent yet. */
  left: number;
  /** Points the shared count had left when this lease was taken. */
  shared: number;
  /** The shared window's end: a lease is never spent in the next window. */
  until: number;
}

/** Counts every request in the shared store: one round trip each (low limits, and a store in this process). */
export const countEach =
  (limiter: RateLimiterAbstract) =>
  async (key: string): Promise<Taken> => {
    const r = await limiter.consume(key);
    return { remaining: r.remainingPoints, msBeforeNext: r.msBeforeNext };
  };

/**
 * Counts requests against a shared limit (rate-limiter-flexible, Redis behind it) a few points at
 * a time: each replica takes a block of points per client in one round trip and spends them
 * locally, instead of one round trip per request. The block is 1% of the limit (at most 10; limits
 * under 200 a minute, such as sign-in's, count every request in Redis as before).
 *
 * Never more than the limit: every point spent was counted in the shared store first, and a lease
 * dies with the window it was taken in. When a block no longer fits, the points that still did
 * (the store counted the whole block, so they are this replica's) are handed out before refusing.
 * The cost: a client can be refused up to (block - 1) points early on each other replica that
 * holds an unspent lease for it.
 */
export function createLeasedCounter(limiter: RateLimiterAbstract, points: number, maxClients = 100_000): (key: string) => Promise<Taken> {
  const block = Math.max(1, Math.min(10, Math.floor(points / 100)));
  if (block === 1) return countEach(limiter);
  const leases = new Map<string, Lease>();
  const fetching = new Map<string, Promise<void>>();

  const remember = (key: string, lease: Lease) => {
    if (!leases.has(key) && leases.size >= maxClients) leases.delete(leases.keys().next().value as string);
    leases.set(key, lease);
  };

  /** Takes a block from the shared count; rejects with the store's RateLimiterRes when none of it fits. */
  const takeBlock = async (key: string) => {
    const now = Date.now();
    try {
      const r = await limiter.consume(key, block);
      remember(key, { left: block, shared: r.remainingPoints, until: now + r.msBeforeNext });
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const fitted = points - (err.consumedPoints - block);
      if (fitted <= 0) throw err;
      remember(key, { left: Math.min(block, fitted), shared: 0, until: now + err.msBeforeNext });
    }
  };

  return async function take(key: string): Promise<Taken> {
    for (;;) {
      const now = Date.now();
      const held = leases.get(key);
      if (held && held.left > 0 && held.until > now) {
        held.left--;
        return { remaining: held.shared + held.left, msBeforeNext: held.until - now };
      }
      // One block at a time per client: requests arriving meanwhile wait for it, then spend from it.
      let pending = fetching.get(key);
      if (!pending) {
        pending = takeBlock(key).finally(() => fetching.delete(key));
        fetching.set(key, pending);
      }
      await pending;
    }
  };
}

import { tooManyRequests } from '@elar/errors';
import type { Db } from '../db/client';

/**
 * A fixed-window counter in PostgreSQL, shared by every identity replica: one atomic statement
 * counts the hit and reports the total, so concurrent requests can never slip past the limit.
 * Returns whether this hit is within `limit` for the current window.
 */
export async function countHit(db: Db, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateCounter"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateCounter".count + 1 END,
      "windowStart" = CASE WHEN "RateCounter"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateCounter"."windowStart" END
    RETURNING count`;
  return rows[0]!.count <= limit;
}

/** Counts a hit on every key and refuses with 429 `rate-limited` if any is over its limit. */
export async function limitOrRefuse(db: Db, limits: { key: string; limit: number; windowSeconds: number }[]): Promise<void> {
  const results = await Promise.all(limits.map((l) => countHit(db, l.key, l.limit, l.windowSeconds)));
  const over = limits.filter((_, i) => !results[i]);
  if (over.length) {
    const retryAfterSeconds = Math.max(...over.map((l) => l.windowSeconds));
    throw tooManyRequests('rate-limited', 'Too many requests for these details. Please try again later.', { retryAfterSeconds });
  }
}

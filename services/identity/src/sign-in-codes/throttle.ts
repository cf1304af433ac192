import { tooManyRequests } from '@elar/errors';
import type { Db } from '../db/client';

/**
 * Fixed one-hour windows per key (`code-sent:profile:<id>`, `code-wrong:source:<ip>` ...), counted
 * with one atomic upsert so concurrent requests never both slip under a limit.
 * Columns are UTC `timestamp(3)` (Prisma's), so SQL compares against `timezone('UTC', now())`.
 */
const WINDOW_SECONDS = 3600;

/** Adds one to the key's window and returns the new count. */
export async function countHit(db: Db, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "SignInCodeThrottle" (key, count, "windowStart") VALUES (${key}, 1, timezone('UTC', now()))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "SignInCodeThrottle"."windowStart" < timezone('UTC', now()) - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE "SignInCodeThrottle".count + 1 END,
      "windowStart" = CASE WHEN "SignInCodeThrottle"."windowStart" < timezone('UTC', now()) - make_interval(secs => ${WINDOW_SECONDS}) THEN timezone('UTC', now()) ELSE "SignInCodeThrottle"."windowStart" END
    RETURNING count`;
  return Number(rows[0]!.count);
}

/** The key's count in its current window (0 when the window has passed). */
export async function currentCount(db: Db, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count FROM "SignInCodeThrottle" WHERE key = ${key} AND "windowStart" >= timezone('UTC', now()) - make_interval(secs => ${WINDOW_SECONDS})`;
  return rows.length ? Number(rows[0]!.count) : 0;
}

export const throttled = (what: string) =>
  tooManyRequests('sign-in-code-throttled', `Too many ${what} in the last hour. Try again later.`, { retryAfterSeconds: WINDOW_SECONDS });

/** Refuses when any key has already reached its limit. */
export async function assertUnder(db: Db, limits: [key: string | undefined, limit: number][], what: string): Promise<void> {
  for (const [key, limit] of limits) {
    if (key && (await currentCount(db, key)) >= limit) throw throttled(what);
  }
}

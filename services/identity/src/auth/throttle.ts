import { tooManyRequests } from '@elar/errors';
import type { Db } from '../db/client';

/**
 * Progressive delays after failed attempts, never a lock. Each key (`user:<name>`, so unknown
 * names behave like real ones; `source:<digest>` for a client address; `pair:<profile>:<digest>`
 * for a device that signed in before) earns a few free failures, then must wait 2, 4, 8... seconds
 * between attempts, up to a cap. A failure an hour after the previous one starts the count again.
 */
export interface DelayPolicy {
  free: number;
  capSeconds: number;
}

export const DELAYS = {
  /** One account: 3 free tries, then up to 15 minutes between guesses. */
  account: { free: 3, capSeconds: 15 * 60 },
  /** One client address: a school's shared NAT gets room, then up to 5 minutes. */
  source: { free: 20, capSeconds: 5 * 60 },
  /** An account from an address it signed in from before (its own gentler count). */
  knownDevice: { free: 5, capSeconds: 5 * 60 },
} satisfies Record<string, DelayPolicy>;

export const delaySeconds = (failures: number, policy: DelayPolicy) =>
  failures <= policy.free ? 0 : Math.min(policy.capSeconds, 2 ** (failures - policy.free));

/** Refuses (429 `sign-in-delayed`, with Retry-After) while any of the keys must still wait. */
export async function assertNoDelay(db: Db, keys: string[]): Promise<void> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  if (!rows.length) return;
  const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  throw tooManyRequests('sign-in-delayed', `Too many failed attempts. Wait ${seconds} second(s) before trying again, or reset your password.`, { retryAfterSeconds: seconds });
}

/**
 * Counts one failure atomically (one statement: concurrent failures each count) and sets the wait
 * before the next attempt. Returns the failures in the current run.
 */
export async function recordFailure(db: Db, key: string, policy: DelayPolicy): Promise<number> {
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."windowStart" < now() - interval '1 hour' THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "windowStart" = now()
    RETURNING failures`;
  const failures = rows[0]!.failures;
  const wait = delaySeconds(failures, policy);
  if (wait > 0) {
    await db.$executeRaw`UPDATE "SignInThrottle" SET "lockedUntil" = GREATEST(COALESCE("lockedUntil", now()), now() + make_interval(secs => ${wait})) WHERE key = ${key}`;
  }
  return failures;
}

export async function clearThrottle(db: Db, keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

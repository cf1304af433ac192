import { tooManyRequests } from '@elar/errors';
import type { Db } from '../db/client';

/**
 * Failed-attempt throttling, keyed by what was tried (`user:<name>`, so unknown names behave like
 * real ones) and by source address (`source:<ip>`). Locks are always temporary: a real user is
 * never locked out for good, and a password reset clears the account's lock.
 */
export const THROTTLE = {
  /** Consecutive failures before a short lock. */
  lockAfter: 5,
  lockMinutes: 15,
  /** Hard cap of failures per key per hour (the 100 per account per hour). */
  maxPerHour: 100,
  /** A source address gets more room (a school's shared NAT) but is capped too. */
  sourceLockAfter: 50,
};

const HOUR = 60 * 60 * 1000;

export async function assertNotLocked(db: Db, keys: string[]): Promise<void> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const now = Date.now();
  const locked = rows.filter((r) => r.lockedUntil && r.lockedUntil.getTime() > now);
  if (locked.length) {
    const until = new Date(Math.max(...locked.map((r) => r.lockedUntil!.getTime())));
    const minutes = Math.max(1, Math.ceil((until.getTime() - now) / 60_000));
    throw tooManyRequests('temporarily-locked', `Too many failed attempts. Try again in ${minutes} minute(s), or reset your password.`, { retryAfterSeconds: minutes * 60 });
  }
}

export async function recordFailure(db: Db, key: string, lockAfter: number): Promise<boolean> {
  const now = new Date();
  const row = await db.signInThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStart: now }, update: {} });
  const fresh = now.getTime() - row.windowStart.getTime() > HOUR;
  const failures = fresh ? 1 : row.failures + 1;
  let lockedUntil: Date | null = null;
  if (failures >= THROTTLE.maxPerHour) lockedUntil = new Date((fresh ? now : row.windowStart).getTime() + HOUR);
  else if (failures % lockAfter === 0) lockedUntil = new Date(now.getTime() + THROTTLE.lockMinutes * 60_000);
  await db.signInThrottle.update({
    where: { key },
    data: { failures, windowStart: fresh ? now : row.windowStart, ...(lockedUntil ? { lockedUntil } : {}) },
  });
  return lockedUntil !== null;
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

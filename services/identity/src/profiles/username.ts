import { randomInt } from 'node:crypto';
import { transliterate } from 'transliteration';
import { AppError } from '@elar/errors';
import { isUniqueViolation } from '../db/client';
import type { Prisma } from '../generated/prisma/client';

/**
 * User names are assigned, never chosen or changed: first initial + last name in Latin letters
 * (transliterated: 李 王 -> `lwang`, Zoë Øster -> `zoster`; at most 12) + 4 random digits, e.g.
 * `jsmith4821`; 6 digits once the 4-digit names of a base run short.
 */
export function usernameBase(firstName: string, lastName: string): string {
  const letters = (s: string) => transliterate(s).replace(/[^A-Za-z]/g, '').toLowerCase();
  return (letters(firstName).slice(0, 1) + letters(lastName)).slice(0, 12) || 'educator';
}

const BATCH = 20;

/**
 * Picks a free user name and writes with it, inside the caller's transaction: a batch of random
 * candidates is checked in one query first, and the write runs in a savepoint, so a name taken by a
 * concurrent request in between rolls back to the savepoint and tries again instead of leaving the
 * whole transaction aborted (which answered 500 before).
 */
export async function withNewUsername<T>(tx: Prisma.TransactionClient, first: string, last: string, write: (username: string) => Promise<T>): Promise<T> {
  const base = usernameBase(first, last);
  for (let attempt = 0; attempt < 6; attempt++) {
    const digits = attempt < 2 ? 4 : 6;
    const candidates = Array.from({ length: BATCH }, () => `${base}${randomInt(10 ** (digits - 1), 10 ** digits)}`);
    const taken = new Set((await tx.profile.findMany({ where: { username: { in: candidates } }, select: { username: true } })).map((p) => p.username));
    const free = candidates.find((c) => !taken.has(c));
    if (!free) continue;
    await tx.$executeRawUnsafe('SAVEPOINT pick_username');
    try {
      const written = await write(free);
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT pick_username');
      return written;
    } catch (err) {
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT pick_username');
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError(503, 'username-unavailable', 'We could not assign a user name just now. Please submit again.');
}

import { randomInt } from 'node:crypto';

/**
 * User names are assigned, never chosen or changed: first initial + last name (letters only,
 * at most 12) + 4 random digits, e.g. `jsmith4821`. Uniqueness is enforced by the database;
 * the caller retries on a collision.
 */
export function proposeUsername(firstName: string, lastName: string): string {
  const letters = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const base = (letters(firstName).slice(0, 1) + letters(lastName)).slice(0, 12) || 'educator';
  return `${base}${randomInt(1000, 10000)}`;
}

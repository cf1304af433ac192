import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import type { License } from '../generated/prisma/client';

// No 0/O or 1/I: read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const newVerificationCode = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/** The license's code, set once on first need (a concurrent first render keeps the winner's code). */
export async function ensureVerificationCode(db: Db, license: License): Promise<string> {
  if (license.verificationCode) return license.verificationCode;
  await db.license.updateMany({ where: { id: license.id, verificationCode: null }, data: { verificationCode: newVerificationCode() } });
  const fresh = await db.license.findUniqueOrThrow({ where: { id: license.id } });
  return fresh.verificationCode!;
}

import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import type { recoveryIdentity } from '@elar/api';
import { ssnDigest } from '../credentials/hashing';
import type { Db } from '../db/client';
import { normalizeName } from '../profiles/matching';

export type RecoveryIdentity = z.infer<typeof recoveryIdentity>;

/** The one profile with an account whose name, birth date, SSN digits and email all match, or null. */
export async function identify(db: Db, piiKey: string, who: RecoveryIdentity) {
  const candidates = await db.profile.findMany({
    where: {
      dateOfBirth: new Date(`${who.dateOfBirth}T00:00:00Z`),
      ssnLast4Digest: ssnDigest(piiKey, who.ssnLast4),
      username: { not: null },
    },
  });
  const matches = candidates.filter(
    (p) =>
      normalizeName(p.firstName) === normalizeName(who.firstName) &&
      normalizeName(p.lastName) === normalizeName(who.lastName) &&
      p.email?.toLowerCase() === who.email.toLowerCase(),
  );
  return matches.length === 1 ? matches[0]! : null;
}

const DECOY_QUESTIONS = [
  'What was the name of your first school?',
  'What is the name of the street you grew up on?',
  'What was your first pet’s name?',
  'In what city were you born?',
];

/**
 * For details that match no account, a question chosen deterministically from the details, so the
 * answer looks the same whether or not an account exists (it never reveals one).
 */
export const decoyQuestion = (piiKey: string, who: RecoveryIdentity) => {
  const h = createHmac('sha256', piiKey).update(JSON.stringify(who).toLowerCase()).digest();
  return DECOY_QUESTIONS[h[0]! % DECOY_QUESTIONS.length]!;
};

/** Throttle key per claimed identity (not per account: unknown details are throttled the same way). */
export const recoveryKey = (piiKey: string, who: RecoveryIdentity) =>
  `recovery:${createHmac('sha256', piiKey).update(`${who.dateOfBirth}:${who.ssnLast4}:${who.email.toLowerCase()}`).digest('hex').slice(0, 32)}`;

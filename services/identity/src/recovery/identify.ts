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

/**
 * The account whose name, birth date and email match, whatever SSN digits were given: the hint
 * question shown must not depend on the digits, or trying all 10,000 of them would reveal the
 * right ones (the real question appears for one of them). The answer is still checked against all four.
 */
export async function accountByNameBirthDateEmail(db: Db, who: RecoveryIdentity) {
  const candidates = await db.profile.findMany({
    where: { dateOfBirth: new Date(`${who.dateOfBirth}T00:00:00Z`), email: { equals: who.email, mode: 'insensitive' }, username: { not: null } },
  });
  const matches = candidates.filter(
    (p) => normalizeName(p.firstName) === normalizeName(who.firstName) && normalizeName(p.lastName) === normalizeName(who.lastName),
  );
  return matches.length === 1 ? matches[0]! : null;
}

/** Stand-in questions, worded like the ones people write, for details that match no account. */
const DECOY_QUESTIONS = [
  'What was the name of your first school?', 'What is the name of the street you grew up on?', 'What was your first pet’s name?',
  'In what city were you born?', 'What is your mother’s maiden name?', 'What was the make of your first car?',
  'What was your childhood nickname?', 'What is the name of your favorite teacher?', 'In what town was your first job?',
  'What is your favorite book?', 'What was the name of your elementary school?', 'What is your father’s middle name?',
  'What was the first concert you attended?', 'What is the name of your oldest cousin?', 'Where did you go on your honeymoon?',
  'What was your high school mascot?', 'What is your favorite food?', 'What was the name of your first stuffed animal?',
  'What street did you live on in third grade?', 'What was your first phone number’s last four digits?', 'Name of my first school?',
  'Favorite color?', 'My first pet?', 'Where was I born?', 'Mother’s maiden name?', 'First car?',
  'What is the name of the hospital where you were born?', 'What was your favorite subject in school?', 'Who was your childhood hero?',
  'What is your grandmother’s first name?', 'What was the name of your first employer?', 'What is your favorite sports team?',
];

/** Who the details claim to be, without the SSN digits: the key for the decoy and the throttles. */
const claimed = (who: RecoveryIdentity) =>
  [normalizeName(who.firstName), normalizeName(who.lastName), who.dateOfBirth, who.email.trim().toLowerCase()].join('|');

/**
 * For details that match no account, a question chosen deterministically from the details (the
 * same input always gets the same question, and the SSN digits play no part), so asking again or
 * varying the digits shows nothing.
 */
export const decoyQuestion = (piiKey: string, who: RecoveryIdentity) => {
  const h = createHmac('sha256', piiKey).update(`decoy:${claimed(who)}`).digest();
  return DECOY_QUESTIONS[h.readUInt32BE(0) % DECOY_QUESTIONS.length]!;
};

/** Throttle keys per claimed identity and per email address (unknown details are throttled the same way). */
export const recoveryKeys = (piiKey: string, who: { email: string } & Partial<RecoveryIdentity>) => {
  const digest = (v: string) => createHmac('sha256', piiKey).update(v).digest('hex').slice(0, 32);
  return {
    identity: who.firstName ? `recovery:identity:${digest(claimed(who as RecoveryIdentity))}` : undefined,
    email: `recovery:email:${digest(who.email.trim().toLowerCase())}`,
  };
};

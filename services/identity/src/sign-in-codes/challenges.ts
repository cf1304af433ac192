import { AppError } from '@elar/errors';
import type { Mailer } from '@elar/mail';
import { audit } from '../audit/audit';
import type { Db } from '../db/client';
import type { Profile } from '../generated/prisma/client';
import { deliver } from '../notifications/send-notification';
import { maskEmail } from '../notifications/mask-email';
import { codeDigest, newChallengeId, newCode, sameDigest } from './code';
import { SIGN_IN_CODE_RULES as RULES } from './rules';
import { assertUnder, countHit, throttled } from './throttle';

export interface ChallengeDeps {
  db: Db;
  mailer: Mailer;
  /** HMAC key of stored codes. */
  codeKey: Buffer;
}

export interface CodeRequired {
  codeRequired: true;
  challengeId: string;
  expiresAt: string;
  sentTo: string;
}

const expired = (message = 'This code has expired or was already used. Sign in again to get a new one.') =>
  new AppError(410, 'sign-in-code-expired', message);
const sourceKey = (clientIp?: string) => (clientIp ? `code-wrong:source:${clientIp}` : undefined);
const validUntil = () => new Date(Date.now() + RULES.validMinutes * 60_000);

async function emailCode(deps: ChallengeDeps, profile: Profile, challengeId: string, sendNumber: number, code: string) {
  await deliver(deps.db, deps.mailer, {
    idempotencyKey: `sign-in-code:${challengeId}:${sendNumber}`,
    to: profile.email!,
    profileId: profile.id,
    template: 'sign-in-code',
    data: { name: `${profile.firstName} ${profile.lastName}`, username: profile.username, code, validMinutes: RULES.validMinutes },
  });
}

/** After a right password: a challenge, and its code emailed to the address on file. */
export async function openChallenge(deps: ChallengeDeps, profile: Profile, clientIp?: string): Promise<CodeRequired> {
  if (!profile.email) throw new AppError(409, 'no-email-on-file', 'Your account has no email address for the sign-in code. Contact DESE customer service.');
  if ((await countHit(deps.db, `code-sent:profile:${profile.id}`)) > RULES.sendsPerAccountPerHour) {
    await audit(deps.db, { action: 'sign-in-code.throttled', outcome: 'send-limit', subjectId: profile.id });
    throw throttled('sign-in codes were sent');
  }
  const id = newChallengeId();
  const code = newCode();
  const challenge = await deps.db.signInChallenge.create({
    data: { id, profileId: profile.id, codeHash: codeDigest(deps.codeKey, id, code), expiresAt: validUntil() },
  });
  await emailCode(deps, profile, id, 1, code);
  await audit(deps.db, { action: 'sign-in-code.sent', outcome: 'succeeded', subjectId: profile.id, detail: { clientKnown: Boolean(clientIp) } });
  return { codeRequired: true, challengeId: id, expiresAt: challenge.expiresAt.toISOString(), sentTo: maskEmail(profile.email) };
}

/**
 * Checks a code. Each try first takes one of the code's 5 tries with a conditional UPDATE (so
 * concurrent guesses can never make a sixth comparison), then compares in constant time; a right
 * code is spent with a second conditional UPDATE (single use). Returns the profile id signed in.
 */
export async function verifyChallenge(deps: ChallengeDeps, challengeId: string, code: string, clientIp?: string): Promise<string> {
  await assertUnder(deps.db, [[sourceKey(clientIp), RULES.wrongPerSourcePerHour]], 'wrong sign-in codes from this network');
  const owner = await deps.db.signInChallenge.findUnique({ where: { id: challengeId }, select: { profileId: true } });
  if (!owner) throw expired();
  await assertUnder(deps.db, [[`code-wrong:profile:${owner.profileId}`, RULES.wrongPerAccountPerHour]], 'wrong sign-in codes for this account');
  const taken = await deps.db.$queryRaw<{ attempts: number; codeHash: string; profileId: string }[]>`
    UPDATE "SignInChallenge" SET attempts = attempts + 1
    WHERE id = ${challengeId} AND "usedAt" IS NULL AND "expiresAt" > timezone('UTC', now()) AND attempts < ${RULES.maxTries}
    RETURNING attempts, "codeHash", "profileId"`;
  const row = taken[0];
  if (!row) {
    await audit(deps.db, { action: 'sign-in-code.refused', outcome: 'expired-or-used', subjectId: owner.profileId });
    throw expired();
  }
  if (sameDigest(row.codeHash, codeDigest(deps.codeKey, challengeId, code))) {
    const spent = await deps.db.signInChallenge.updateMany({ where: { id: challengeId, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count === 1) {
      await audit(deps.db, { action: 'sign-in-code.verified', outcome: 'succeeded', actorId: row.profileId, subjectId: row.profileId });
      return row.profileId;
    }
    throw expired();
  }
  await countHit(deps.db, `code-wrong:profile:${row.profileId}`);
  const sk = sourceKey(clientIp);
  if (sk) await countHit(deps.db, sk);
  const triesLeft = RULES.maxTries - Number(row.attempts);
  await audit(deps.db, { action: 'sign-in-code.failed', outcome: triesLeft > 0 ? 'wrong-code' : 'tries-exhausted', subjectId: row.profileId, detail: { triesLeft } });
  if (triesLeft <= 0) throw expired('That code was wrong 5 times and no longer works. Sign in again to get a new one.');
  throw new AppError(401, 'invalid-sign-in-code', `The code is not correct. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`, { triesLeft });
}

/** A new code for the same challenge (the old one stops working), at most once a minute and 5 times in all. */
export async function resendChallenge(deps: ChallengeDeps, challengeId: string): Promise<Omit<CodeRequired, 'codeRequired' | 'challengeId'>> {
  const current = await deps.db.signInChallenge.findUnique({ where: { id: challengeId } });
  if (!current || current.usedAt || current.createdAt.getTime() < Date.now() - 60 * 60_000) throw expired();
  const wait = Math.ceil((current.lastSentAt.getTime() + RULES.resendCooldownSeconds * 1000 - Date.now()) / 1000);
  if (wait > 0) throw new AppError(429, 'sign-in-code-cooldown', `Please wait ${wait} seconds before asking for a new code.`, { retryAfterSeconds: wait });
  if (current.sendCount >= RULES.maxSendsPerChallenge) throw expired('Too many codes for this sign-in. Sign in again.');
  if ((await countHit(deps.db, `code-sent:profile:${current.profileId}`)) > RULES.sendsPerAccountPerHour) throw throttled('sign-in codes were sent');
  const code = newCode();
  const sendNumber = current.sendCount + 1;
  const updated = await deps.db.signInChallenge.updateMany({
    where: {
      id: challengeId, usedAt: null, sendCount: current.sendCount,
      lastSentAt: { lte: new Date(Date.now() - RULES.resendCooldownSeconds * 1000) },
    },
    data: { codeHash: codeDigest(deps.codeKey, challengeId, code), attempts: 0, sendCount: sendNumber, lastSentAt: new Date(), expiresAt: validUntil() },
  });
  // Two resends at once: one wins, the other waits its cool-down like any early resend.
  if (updated.count === 0) throw new AppError(429, 'sign-in-code-cooldown', 'A new code was just sent. Please wait a minute.', { retryAfterSeconds: RULES.resendCooldownSeconds });
  const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: current.profileId } });
  await emailCode(deps, profile, challengeId, sendNumber, code);
  await audit(deps.db, { action: 'sign-in-code.resent', outcome: 'succeeded', subjectId: profile.id, detail: { sendNumber } });
  const fresh = await deps.db.signInChallenge.findUniqueOrThrow({ where: { id: challengeId } });
  return { expiresAt: fresh.expiresAt.toISOString(), sentTo: maskEmail(profile.email!) };
}

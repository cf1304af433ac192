import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@elar/logger';
import { badRequest, unprocessable } from '@elar/errors';
import { audit } from '../audit/audit';
import { countHit, limitOrRefuse } from '../auth/rate-counter';
import { sourceDigest } from '../auth/sessions';
import { DELAYS, assertNoDelay, clearThrottle, recordFailure } from '../auth/throttle';
import { codeDigest, normalizeHintAnswer, spendVerification, verifySecret } from '../credentials/hashing';
import { setPassword, type SetPasswordDeps } from '../credentials/set-password';
import { deliver } from '../notifications/send-notification';
import { createBackgroundQueue } from './background-queue';
import { accountByNameBirthDateEmail, decoyQuestion, identify, recoveryKeys, type RecoveryIdentity } from './identify';

export interface RecoveryLimits {
  /** Recovery requests per hour for one claimed identity, and for one email address. */
  perIdentityPerHour: number;
  /** Recovery requests per hour from one client address. */
  perSourcePerHour: number;
  /** Reset codes emailed per account per hour (more requests are answered the same, and send nothing). */
  codesPerHour: number;
}

export interface RecoveryDeps extends SetPasswordDeps {
  piiKey: string;
  logger: Logger;
  recoveryLimits: RecoveryLimits;
}

const CODE_MINUTES = 15;
const CODE_ATTEMPTS = 5;
const CODE_PURPOSE = 'password-reset';
const HOUR = 3600;
const failed = () => badRequest('recovery-failed', 'The details or the answer do not match our records.');
const badCode = () => badRequest('invalid-code', 'The code is wrong, used or expired. Ask for a new one.');

function confirmNew(p: { newPassword: string; newPasswordConfirmation: string }) {
  if (p.newPassword !== p.newPasswordConfirmation) {
    throw unprocessable('password-confirmation-mismatch', 'The password and its confirmation differ.', [
      { field: 'newPasswordConfirmation', code: 'mismatch', message: 'Does not match the password.' },
    ]);
  }
}

const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Retrieve-user-name and reset-password for educators. Every answer has the same shape, content and
 * timing whether or not an account exists; every path is throttled per claimed identity, per email
 * address and per client address (PostgreSQL counters, shared by all replicas).
 */
export function createRecovery(deps: RecoveryDeps) {
  const mailQueue = createBackgroundQueue(deps.logger, 'reset-codes');

  async function throttle(who: { email: string } & Partial<RecoveryIdentity>, source: string | undefined) {
    const keys = recoveryKeys(deps.piiKey, who);
    const perIdentity = deps.recoveryLimits.perIdentityPerHour;
    await limitOrRefuse(deps.db, [
      ...(keys.identity ? [{ key: keys.identity, limit: perIdentity, windowSeconds: HOUR }] : []),
      { key: keys.email, limit: perIdentity, windowSeconds: HOUR },
      ...(source ? [{ key: `recovery:source:${sourceDigest(deps.piiKey, source)}`, limit: deps.recoveryLimits.perSourcePerHour, windowSeconds: HOUR }] : []),
    ]);
    return keys;
  }

  /** Exactly one hash verification whether or not the details match, then progressive delays on failure. */
  async function checkAnswer(who: RecoveryIdentity, hintAnswer: string, source: string | undefined) {
    const keys = await throttle(who, source);
    const delayKey = keys.identity!;
    await assertNoDelay(deps.db, [delayKey]);
    const profile = await identify(deps.db, deps.piiKey, who);
    const answer = normalizeHintAnswer(hintAnswer);
    const lane = source ? sourceDigest(deps.piiKey, source) : undefined; // the same lane as sign-ins from that address
    const ok = profile?.hintAnswerHash ? await verifySecret(answer, profile.hintAnswerHash, lane) : await spendVerification(answer, lane);
    if (!profile || !ok) {
      await recordFailure(deps.db, delayKey, DELAYS.account);
      await audit(deps.db, { action: 'recovery.hint', outcome: 'failed', subjectId: profile?.id });
      throw failed();
    }
    await clearThrottle(deps.db, [delayKey]);
    return profile;
  }

  async function sendCode(profileId: string) {
    if (!(await countHit(deps.db, `reset-codes:${profileId}`, deps.recoveryLimits.codesPerHour, HOUR))) {
      await audit(deps.db, { action: 'recovery.code-sent', outcome: 'limited', subjectId: profileId });
      return;
    }
    const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: profileId } });
    if (!profile.email) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const row = await deps.db.oneTimeCode.create({
      data: { profileId, purpose: CODE_PURPOSE, codeHash: codeDigest(deps.piiKey, CODE_PURPOSE, code), expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000) },
    });
    await deliver(deps.db, deps.mailer, {
      idempotencyKey: `reset-code:${row.id}`, to: profile.email, profileId, template: 'reset-code',
      data: { name: `${profile.firstName} ${profile.lastName}`, code },
    });
    await audit(deps.db, { action: 'recovery.code-sent', outcome: 'succeeded', subjectId: profileId });
  }

  /** Takes one of the code's tries first (a conditional update), and only then compares: concurrent guesses cannot exceed the tries. */
  async function claimTry(codeId: string) {
    const rows = await deps.db.$queryRaw<{ codeHash: string }[]>`
      UPDATE "OneTimeCode" SET attempts = attempts + 1
      WHERE id = ${codeId} AND "usedAt" IS NULL AND "expiresAt" > now() AND attempts < ${CODE_ATTEMPTS}
      RETURNING "codeHash"`;
    return rows[0]?.codeHash;
  }

  return {
    /** The account's own question when name, birth date and email match one; else the same stand-in every time. */
    async hintQuestion(who: RecoveryIdentity, source?: string) {
      await throttle(who, source);
      const profile = await accountByNameBirthDateEmail(deps.db, who);
      return { hintQuestion: profile?.hintQuestion ?? decoyQuestion(deps.piiKey, who) };
    },

    async username(who: RecoveryIdentity, hintAnswer: string, source?: string) {
      const profile = await checkAnswer(who, hintAnswer, source);
      await audit(deps.db, { action: 'recovery.username', outcome: 'succeeded', subjectId: profile.id });
      return { username: profile.username! };
    },

    async resetByHint(who: RecoveryIdentity, hintAnswer: string, p: { newPassword: string; newPasswordConfirmation: string }, source?: string) {
      confirmNew(p);
      const profile = await checkAnswer(who, hintAnswer, source);
      await setPassword(deps, profile, p.newPassword, { reason: 'reset-hint' });
    },

    /** Queues a 6-digit code for a matching account and answers at once, the same way either way. */
    async requestCode(who: RecoveryIdentity, source?: string) {
      await throttle(who, source);
      const profile = await identify(deps.db, deps.piiKey, who);
      if (profile) {
        const id = profile.id;
        mailQueue.push(() => sendCode(id));
      }
    },

    /** A code works once, for 15 minutes, with at most 5 tries, however many arrive at once. */
    async resetByCode(email: string, code: string, p: { newPassword: string; newPasswordConfirmation: string }, source?: string) {
      confirmNew(p);
      await throttle({ email }, source);
      const profiles = await deps.db.profile.findMany({ where: { email: { equals: email, mode: 'insensitive' }, username: { not: null } }, select: { id: true } });
      const codes = await deps.db.oneTimeCode.findMany({
        where: { profileId: { in: profiles.map((x) => x.id) }, purpose: CODE_PURPOSE, usedAt: null, expiresAt: { gt: new Date() }, attempts: { lt: CODE_ATTEMPTS } },
        orderBy: { createdAt: 'desc' },
        take: 3,
      });
      const given = codeDigest(deps.piiKey, CODE_PURPOSE, code);
      for (const c of codes) {
        const stored = await claimTry(c.id);
        if (!stored || !sameDigest(stored, given)) continue;
        const used = await deps.db.oneTimeCode.updateMany({ where: { id: c.id, usedAt: null }, data: { usedAt: new Date() } });
        if (used.count === 0) break;
        const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: c.profileId } });
        await setPassword(deps, profile, p.newPassword, { reason: 'reset-code' });
        return;
      }
      await audit(deps.db, { action: 'recovery.code', outcome: 'failed' });
      throw badCode();
    },

    drained: () => mailQueue.drained(),
  };
}

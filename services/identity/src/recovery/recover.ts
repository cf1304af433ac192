import { randomInt } from 'node:crypto';
import { badRequest, unprocessable } from '@elar/errors';
import { audit } from '../audit/audit';
import { THROTTLE, assertNotLocked, clearThrottle, recordFailure } from '../auth/throttle';
import { hashSecret, normalizeHintAnswer, verifySecret } from '../credentials/hashing';
import { setPassword, type SetPasswordDeps } from '../credentials/set-password';
import { deliver } from '../notifications/send-notification';
import { decoyQuestion, identify, recoveryKey, type RecoveryIdentity } from './identify';

export interface RecoveryDeps extends SetPasswordDeps {
  piiKey: string;
}

const CODE_MINUTES = 15;
const CODE_ATTEMPTS = 5;
const failed = () => badRequest('recovery-failed', 'The details or the answer do not match our records.');

function confirmNew(p: { newPassword: string; newPasswordConfirmation: string }) {
  if (p.newPassword !== p.newPasswordConfirmation) {
    throw unprocessable('password-confirmation-mismatch', 'The password and its confirmation differ.', [
      { field: 'newPasswordConfirmation', code: 'mismatch', message: 'Does not match the password.' },
    ]);
  }
}

/** Retrieve-user-name and reset-password for educators. Never says whether an account exists. */
export function createRecovery(deps: RecoveryDeps) {
  async function checkAnswer(who: RecoveryIdentity, hintAnswer: string) {
    const key = recoveryKey(deps.piiKey, who);
    await assertNotLocked(deps.db, [key]);
    const profile = await identify(deps.db, deps.piiKey, who);
    const ok = profile?.hintAnswerHash
      ? await verifySecret(normalizeHintAnswer(hintAnswer), profile.hintAnswerHash)
      : (await verifySecret('x', await hashSecret('y')), false);
    if (!profile || !ok) {
      await recordFailure(deps.db, key, THROTTLE.lockAfter);
      await audit(deps.db, { action: 'recovery.hint', outcome: 'failed', subjectId: profile?.id });
      throw failed();
    }
    await clearThrottle(deps.db, key);
    return profile;
  }

  return {
    async hintQuestion(who: RecoveryIdentity) {
      const profile = await identify(deps.db, deps.piiKey, who);
      return { hintQuestion: profile?.hintQuestion ?? decoyQuestion(deps.piiKey, who) };
    },

    async username(who: RecoveryIdentity, hintAnswer: string) {
      const profile = await checkAnswer(who, hintAnswer);
      await audit(deps.db, { action: 'recovery.username', outcome: 'succeeded', subjectId: profile.id });
      return { username: profile.username! };
    },

    async resetByHint(who: RecoveryIdentity, hintAnswer: string, p: { newPassword: string; newPasswordConfirmation: string }) {
      confirmNew(p);
      const profile = await checkAnswer(who, hintAnswer);
      await setPassword(deps, profile, p.newPassword, { reason: 'reset-hint' });
    },

    /** Emails a 6-digit code when the details match; answers the same either way. */
    async requestCode(who: RecoveryIdentity) {
      const profile = await identify(deps.db, deps.piiKey, who);
      if (!profile?.email) return;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const row = await deps.db.oneTimeCode.create({
        data: { profileId: profile.id, purpose: 'password-reset', codeHash: await hashSecret(code), expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000) },
      });
      await deliver(deps.db, deps.mailer, {
        idempotencyKey: `reset-code:${row.id}`, to: profile.email, profileId: profile.id, template: 'reset-code',
        data: { name: `${profile.firstName} ${profile.lastName}`, code },
      });
      await audit(deps.db, { action: 'recovery.code-sent', outcome: 'succeeded', subjectId: profile.id });
    },

    /** A code works once, for 15 minutes, with at most 5 wrong tries. */
    async resetByCode(email: string, code: string, p: { newPassword: string; newPasswordConfirmation: string }) {
      confirmNew(p);
      const profiles = await deps.db.profile.findMany({ where: { email: { equals: email, mode: 'insensitive' }, username: { not: null } }, select: { id: true } });
      const codes = await deps.db.oneTimeCode.findMany({
        where: { profileId: { in: profiles.map((x) => x.id) }, purpose: 'password-reset', usedAt: null, expiresAt: { gt: new Date() }, attempts: { lt: CODE_ATTEMPTS } },
        orderBy: { createdAt: 'desc' },
        take: 3,
      });
      for (const c of codes) {
        if (await verifySecret(code, c.codeHash)) {
          const used = await deps.db.oneTimeCode.updateMany({ where: { id: c.id, usedAt: null }, data: { usedAt: new Date() } });
          if (used.count === 0) break;
          const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: c.profileId } });
          await setPassword(deps, profile, p.newPassword, { reason: 'reset-code' });
          return;
        }
      }
      await deps.db.oneTimeCode.updateMany({ where: { id: { in: codes.map((c) => c.id) } }, data: { attempts: { increment: 1 } } });
      await audit(deps.db, { action: 'recovery.code', outcome: 'failed' });
      throw badRequest('invalid-code', 'The code is wrong, used or expired. Ask for a new one.');
    },
  };
}

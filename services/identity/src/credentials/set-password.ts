import type { Mailer } from '@elar/mail';
import { audit } from '../audit/audit';
import { clearThrottle } from '../auth/throttle';
import { revokeAllSessions } from '../auth/sessions';
import { revokeTrustedDevices } from '../sign-in-codes/trusted-devices';
import type { Db } from '../db/client';
import type { Profile } from '../generated/prisma/client';
import { deliver } from '../notifications/send-notification';
import { hashSecret } from './hashing';
import { checkPassword, type PasswordPolicyName } from './password-policy';

export interface SetPasswordDeps {
  db: Db;
  mailer: Mailer;
  passwordPolicy: PasswordPolicyName;
}

/**
 * Sets a new password after the rules (including no reuse of any earlier password and not the user
 * name), records it in the history, ends other sessions, clears the lock, audits it, and emails a
 * notice. `temporary` marks an administrator's reset: the user must change it at next sign-in.
 */
export async function setPassword(
  deps: SetPasswordDeps,
  profile: Profile,
  newPassword: string,
  opts: { reason: 'change' | 'reset-hint' | 'reset-code' | 'admin-reset'; actorId?: string; keepSession?: string; temporary?: boolean },
): Promise<void> {
  if (!opts.temporary) {
    const history = await deps.db.passwordHistory.findMany({ where: { profileId: profile.id }, select: { hash: true } });
    await checkPassword(deps.passwordPolicy, newPassword, { username: profile.username, previousHashes: history.map((h) => h.hash) });
  }
  const hash = await hashSecret(newPassword);
  await deps.db.profile.update({
    where: { id: profile.id },
    data: { passwordHash: hash, mustChangePassword: opts.temporary ?? false, passwordHistory: { create: { hash } } },
  });
  await revokeAllSessions(deps.db, profile.id, opts.keepSession);
  // A new password also ends "trust this browser": the next sign-in, after any reset, needs the emailed code.
  await revokeTrustedDevices(deps.db, profile.id, opts.reason, opts.actorId);
  if (profile.username) await clearThrottle(deps.db, [`user:${profile.username}`]);
  await audit(deps.db, { action: 'password.set', outcome: opts.reason, actorId: opts.actorId ?? profile.id, subjectId: profile.id });
  if (profile.email) {
    await deliver(deps.db, deps.mailer, {
      idempotencyKey: `password-changed:${profile.id}:${hash.slice(-16)}`,
      to: profile.email,
      profileId: profile.id,
      template: opts.temporary ? 'temporary-password' : 'password-changed',
      data: { name: `${profile.firstName} ${profile.lastName}`, username: profile.username, ...(opts.temporary ? { temporaryPassword: newPassword } : {}) },
    });
  }
}

import { notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { Mailer } from '@elar/mail';
import { audit } from '../audit/audit';
import type { Db } from '../db/client';
import type { Profile } from '../generated/prisma/client';
import { maskEmail } from '../notifications/mask-email';
import { deliver } from '../notifications/send-notification';

const PENDING_DAYS = 15;

interface Deps {
  db: Db;
  mailer: Mailer;
}

const nameOf = (p: Profile) => `${p.firstName} ${p.lastName}`;

/** Sets the new address and tells the old one (and only then writes to the new one). */
async function apply(deps: Deps, profile: Profile, newEmail: string, how: string, actorId: string, changeId?: string) {
  await deps.db.profile.update({ where: { id: profile.id }, data: { email: newEmail } });
  if (changeId) await deps.db.emailChange.update({ where: { id: changeId }, data: { status: 'applied', decidedById: actorId, decidedAt: new Date() } });
  await audit(deps.db, { action: 'email.changed', outcome: how, actorId, subjectId: profile.id });
  if (profile.email && profile.email.toLowerCase() !== newEmail.toLowerCase()) {
    await deliver(deps.db, deps.mailer, {
      idempotencyKey: `email-changed:${profile.id}:${changeId ?? Date.now()}`, to: profile.email, profileId: profile.id, template: 'email-changed',
      data: { name: nameOf(profile), maskedNewEmail: maskEmail(newEmail), how },
    });
  }
}

/**
 * An administrator's change of a staff member's email. A directory administrator cannot move the
 * address of someone who has an account (the password-reset email would then go wherever they
 * chose): the change waits for the person to confirm it signed in, or for DESE customer service,
 * and the address on file is told at once. Records without an account (nothing to reset yet) and
 * changes made by customer service apply at once, with the same notice.
 */
export async function requestStaffEmailChange(deps: Deps, who: Principal, member: Profile, newEmail: string) {
  if (member.email?.toLowerCase() === newEmail.toLowerCase()) return { pending: false as const };
  if (who.role === 'customer-service' || !member.username) {
    await apply(deps, member, newEmail, who.role === 'customer-service' ? 'by DESE customer service' : 'by your directory administrator', who.userId);
    return { pending: false as const };
  }
  await deps.db.emailChange.updateMany({ where: { profileId: member.id, status: 'pending' }, data: { status: 'superseded', decidedAt: new Date() } });
  const change = await deps.db.emailChange.create({
    data: { profileId: member.id, newEmail, requestedById: who.userId, expiresAt: new Date(Date.now() + PENDING_DAYS * 86_400_000) },
  });
  await audit(deps.db, { action: 'email.change-requested', outcome: 'pending', actorId: who.userId, subjectId: member.id });
  if (member.email) {
    await deliver(deps.db, deps.mailer, {
      idempotencyKey: `email-change-requested:${change.id}`, to: member.email, profileId: member.id, template: 'email-change-requested',
      data: { name: nameOf(member), maskedNewEmail: maskEmail(newEmail) },
    });
  }
  return { pending: true as const, change };
}

export const pendingEmailChange = (db: Db, profileId: string) =>
  db.emailChange.findFirst({ where: { profileId, status: 'pending', expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } });

/** The person confirms (signed in as themselves), or customer service approves: the pending change applies. */
export async function confirmEmailChange(deps: Deps, who: Principal, profile: Profile) {
  const change = await pendingEmailChange(deps.db, profile.id);
  if (!change) throw notFound('no-pending-email-change', 'There is no email change waiting for confirmation.');
  await apply(deps, profile, change.newEmail, who.userId === profile.id ? 'confirmed by you' : 'approved by DESE customer service', who.userId, change.id);
  return deps.db.profile.findUniqueOrThrow({ where: { id: profile.id }, include: { organization: true } });
}

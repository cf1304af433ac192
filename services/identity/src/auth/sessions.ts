import { randomBytes } from 'node:crypto';
import { unauthorized } from '@elar/errors';
import type { Principal } from '@elar/http';
import { audit } from '../audit/audit';
import { dummyHash, verifySecret } from '../credentials/hashing';
import type { Db } from '../db/client';
import type { Organization, Profile } from '../generated/prisma/client';
import { toProfileView } from '../profiles/view';
import { THROTTLE, assertNotLocked, clearThrottle, recordFailure } from './throttle';

const roleOf = (p: Profile) => p.role.toLowerCase().replace(/_/g, '-') as Principal['role'];

export const principalOf = (p: Profile): Principal => ({
  userId: p.id,
  role: roleOf(p),
  profileId: p.id,
  mepid: p.mepid,
  organizationId: p.organizationId ?? undefined,
  mustChangePassword: p.mustChangePassword || undefined,
});

/**
 * Checks a user name and password (both case-sensitive). An unknown user name spends the same time
 * on a dummy hash and gets the same answer as a wrong password. Failures are throttled per user
 * name and per source address.
 */
export async function signIn<Step>(
  db: Db, ttlMinutes: number, username: string, password: string, clientIp?: string,
  /** A further step (the emailed code) instead of a session, when it answers one. */
  secondFactor?: (profile: Profile) => Promise<Step | undefined>,
) {
  const userKey = `user:${username}`;
  const sourceKey = clientIp ? `source:${clientIp}` : undefined;
  await assertNotLocked(db, sourceKey ? [userKey, sourceKey] : [userKey]);
  const profile = await db.profile.findUnique({ where: { username }, include: { organization: true } });
  const ok = profile?.passwordHash
    ? await verifySecret(password, profile.passwordHash)
    : (await verifySecret(password, await dummyHash()), false);
  if (!profile || !ok) {
    const locked = await recordFailure(db, userKey, THROTTLE.lockAfter);
    if (sourceKey) await recordFailure(db, sourceKey, THROTTLE.sourceLockAfter);
    await audit(db, { action: 'sign-in', outcome: locked ? 'locked' : 'failed', subjectId: profile?.id });
    throw unauthorized('invalid-credentials', 'The user name or password is not correct.');
  }
  await clearThrottle(db, userKey);
  const step = await secondFactor?.(profile);
  if (step) return step;
  return openSession(db, ttlMinutes, profile);
}

/** A new session for a profile whose sign-in is complete. */
export async function openSession(db: Db, ttlMinutes: number, profile: Profile & { organization?: Organization | null }) {
  const session = await db.session.create({
    data: { id: randomBytes(24).toString('base64url'), profileId: profile.id, expiresAt: new Date(Date.now() + ttlMinutes * 60_000) },
  });
  await audit(db, { action: 'sign-in', outcome: 'succeeded', actorId: profile.id, subjectId: profile.id });
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt.toISOString(),
    principal: principalOf(profile),
    mustChangePassword: profile.mustChangePassword,
    profile: toProfileView(profile),
  };
}

/** The gateway asks this (and caches the answer briefly) to know a session is still good. */
export async function lookupSession(db: Db, sessionId: string) {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { profile: true } });
  if (!session || session.revokedAt || session.expiresAt < new Date()) return { active: false as const };
  return { active: true as const, expiresAt: session.expiresAt.toISOString(), principal: principalOf(session.profile) };
}

export async function revokeSession(db: Db, sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a profile (password change or reset), optionally keeping the current one. */
export async function revokeAllSessions(db: Db, profileId: string, keep?: string) {
  await db.session.updateMany({ where: { profileId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) }, data: { revokedAt: new Date() } });
}

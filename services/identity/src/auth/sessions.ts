import { createHmac, randomBytes } from 'node:crypto';
import { unauthorized } from '@elar/errors';
import type { Principal } from '@elar/http';
import { audit } from '../audit/audit';
import { spendVerification, verifySecret } from '../credentials/hashing';
import type { Db } from '../db/client';
import { readSession } from '../db/hot-reads';
import type { Organization, Profile } from '../generated/prisma/client';
import { toProfileView } from '../profiles/view';
import { createSourceSlots } from './source-slots';
import { DELAYS, assertNoDelay, clearThrottle, recordFailure } from './throttle';

const roleOf = (p: Pick<Profile, 'role'>) => p.role.toLowerCase().replace(/_/g, '-') as Principal['role'];

export const principalOf = (p: Pick<Profile, 'id' | 'role' | 'mepid' | 'organizationId' | 'mustChangePassword'>): Principal => ({
  userId: p.id,
  role: roleOf(p),
  profileId: p.id,
  mepid: p.mepid,
  organizationId: p.organizationId ?? undefined,
  mustChangePassword: p.mustChangePassword || undefined,
});

export interface SignInDeps {
  db: Db;
  ttlMinutes: number;
  piiKey: string;
}

/** Keyed digest of a client address: enough to recognise it again, never stored as is. */
export const sourceDigest = (piiKey: string, address: string) => createHmac('sha256', piiKey).update(`source:${address}`).digest('hex').slice(0, 32);

const sourceSlots = createSourceSlots(4);

/**
 * Checks a user name and password (both case-sensitive). An unknown user name spends the same time
 * on a dummy hash and gets the same answer as a wrong password. Failures earn progressive delays
 * per user name and per client address (throttle.ts), except for a device that signed in to this
 * account before: it has its own count, so nobody can keep an account's owner out by failing on
 * purpose, from elsewhere or from the same school network.
 */
export async function signIn<Step>(
  deps: SignInDeps, username: string, password: string, clientAddress?: string,
  /** A further step (the emailed code) instead of a session, when it answers one. */
  secondFactor?: (profile: Profile) => Promise<Step | undefined>,
) {
  const { db } = deps;
  const source = clientAddress ? sourceDigest(deps.piiKey, clientAddress) : undefined;
  const profile = await db.profile.findUnique({ where: { username }, include: { organization: true } });
  const known = profile && source ? await db.signInSource.findUnique({ where: { profileId_sourceDigest: { profileId: profile.id, sourceDigest: source } } }) : null;
  const userKey = `user:${username}`;
  const sourceKey = source ? `source:${source}` : undefined;
  const pairKey = known ? `pair:${profile!.id}:${source}` : undefined;
  await assertNoDelay(db, pairKey ? [pairKey] : [userKey, ...(sourceKey ? [sourceKey] : [])]);
  const ok = await sourceSlots.run(source, () =>
    profile?.passwordHash ? verifySecret(password, profile.passwordHash, source) : spendVerification(password, source),
  );
  if (!profile || !ok) {
    await recordFailure(db, userKey, DELAYS.account);
    if (sourceKey) await recordFailure(db, sourceKey, DELAYS.source);
    if (pairKey) await recordFailure(db, pairKey, DELAYS.knownDevice);
    await audit(db, { action: 'sign-in', outcome: 'failed', subjectId: profile?.id });
    throw unauthorized('invalid-credentials', 'The user name or password is not correct.');
  }
  // From a known device only that device's count clears: an attacker's count against the account stays.
  await clearThrottle(db, [pairKey ?? userKey]);
  if (source) {
    await db.signInSource.upsert({
      where: { profileId_sourceDigest: { profileId: profile.id, sourceDigest: source } },
      create: { profileId: profile.id, sourceDigest: source },
      update: { lastSignInAt: new Date() },
    });
  }
  const step = await secondFactor?.(profile);
  if (step) return step;
  return openSession(db, deps.ttlMinutes, profile);
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
  const session = await readSession(db, sessionId);
  if (!session || session.revokedAt || session.expiresAt < new Date()) return { active: false as const };
  return { active: true as const, expiresAt: session.expiresAt.toISOString(), principal: principalOf(session) };
}

export async function revokeSession(db: Db, sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a profile (password change or reset), optionally keeping the current one. */
export async function revokeAllSessions(db: Db, profileId: string, keep?: string) {
  await db.session.updateMany({ where: { profileId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) }, data: { revokedAt: new Date() } });
}

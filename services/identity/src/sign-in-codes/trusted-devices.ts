import { createHmac, randomBytes } from 'node:crypto';
import { audit } from '../audit/audit';
import type { Db } from '../db/client';
import { sameDigest } from './code';
import { SIGN_IN_CODE_RULES } from './rules';

/**
 * "Trust this browser for 30 days": a signed token `dt1.<deviceId>.<expiresAtMs>.<hmac>` bound to
 * one account. The signature stops forgery; the `TrustedDevice` row makes it revocable (by the
 * person, and by every password change or reset, so recovery never skips the emailed code).
 */
const sign = (key: Buffer, deviceId: string, profileId: string, exp: number) =>
  createHmac('sha256', key).update(`${deviceId}.${profileId}.${exp}`).digest('base64url');

export async function trustDevice(db: Db, key: Buffer, profileId: string, now = new Date()): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_RULES.trustedDeviceDays * 86_400_000);
  await db.trustedDevice.create({ data: { id, profileId, expiresAt } });
  await audit(db, { action: 'trusted-device.added', outcome: 'succeeded', actorId: profileId, subjectId: profileId });
  return `dt1.${id}.${expiresAt.getTime()}.${sign(key, id, profileId, expiresAt.getTime())}`;
}

/** True when the token was issued to this account, is unexpired and not revoked (then marks it used). */
export async function isTrustedDevice(db: Db, key: Buffer, profileId: string, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const [version, id, expText, mac] = token.split('.');
  const exp = Number(expText);
  if (version !== 'dt1' || !id || !mac || !Number.isFinite(exp) || exp <= Date.now()) return false;
  if (!sameDigest(mac, sign(key, id, profileId, exp))) return false;
  const used = await db.trustedDevice.updateMany({
    where: { id, profileId, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { lastUsedAt: new Date() },
  });
  return used.count === 1;
}

/** Ends every trusted browser of an account; returns how many were active. */
export async function revokeTrustedDevices(db: Db, profileId: string, reason: string, actorId = profileId): Promise<number> {
  const { count } = await db.trustedDevice.updateMany({ where: { profileId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count) await audit(db, { action: 'trusted-device.revoked', outcome: reason, actorId, subjectId: profileId, detail: { count } });
  return count;
}

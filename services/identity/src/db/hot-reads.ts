import { sqlRows, statement } from '@elar/db';
import type { Organization, Profile } from '../generated/prisma/client';
import type { Db } from './client';

/**
 * The reads on every signed-in request, each one prepared SQL statement on the service's pool instead of a
 * Prisma call (bench/README.md: Prisma's compiler and interpreter cost several times the query).
 * Column names are Prisma's, so rows feed the same view functions as Prisma's results.
 */
export const HOT_SQL = {
  /** GET /me: the profile and its organization (one join). */
  profileView: statement('identity.profileView', `SELECT p.mepid, p.username, p.role, p."firstName", p."middleName", p."lastName", p.email, p."createdAt",
      CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('code', o.code, 'name', o.name) END AS organization
    FROM "Profile" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p.id = $1`),
  /** The gateway's session check: the session and who holds it (one join). */
  session: statement('identity.session', `SELECT s."expiresAt", s."revokedAt", p.id, p.role, p.mepid, p."organizationId", p."mustChangePassword"
    FROM "Session" s JOIN "Profile" p ON p.id = s."profileId" WHERE s.id = $1`),
} as const;

export type ProfileViewRow = Pick<Profile, 'mepid' | 'username' | 'role' | 'firstName' | 'middleName' | 'lastName' | 'email' | 'createdAt'> & {
  organization: Pick<Organization, 'code' | 'name'> | null;
};
export type SessionRow = Pick<Profile, 'id' | 'role' | 'mepid' | 'organizationId' | 'mustChangePassword'> & { expiresAt: Date; revokedAt: Date | null };

export const readProfileView = async (db: Db, profileId: string) =>
  (await sqlRows<ProfileViewRow>(db.sql, HOT_SQL.profileView, [profileId]))[0];

export const readSession = async (db: Db, sessionId: string) => (await sqlRows<SessionRow>(db.sql, HOT_SQL.session, [sessionId]))[0];

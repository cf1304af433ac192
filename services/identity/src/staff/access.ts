import { forbidden, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { Db } from '../db/client';

/** A directory administrator acts only on their own organization; customer service on any. */
export async function organizationFor(db: Db, who: Principal, code: string) {
  const org = await db.organization.findUnique({ where: { code } });
  if (!org) throw notFound('organization-not-found', `No organization ${code}.`);
  if (who.role === 'directory-admin' && who.organizationId !== org.id) {
    throw forbidden('other-organization', 'You can manage only your own organization.');
  }
  return org;
}

export async function staffMember(db: Db, organizationId: string, mepid: string) {
  const p = await db.profile.findFirst({ where: { mepid, organizationId }, include: { organization: true } });
  if (!p) throw notFound('staff-not-found', `No staff member with MEPID ${mepid} in this organization.`);
  return p;
}

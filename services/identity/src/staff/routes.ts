import { randomInt } from 'node:crypto';
import type { Express } from 'express';
import { staffRequest, staffUpdateRequest } from '@elar/api';
import { conflict } from '@elar/errors';
import { parse, readPrincipal } from '@elar/http';
import type { IdentityDeps } from '../deps';
import { audit } from '../audit/audit';
import { ssnDigest } from '../credentials/hashing';
import { setPassword } from '../credentials/set-password';
import type { Profile, Organization } from '../generated/prisma/client';
import { nextMepid } from '../profiles/create-profile';
import { normalizeName } from '../profiles/matching';
import { toProfileView } from '../profiles/view';
import { organizationFor, staffMember } from './access';

const ADMINS = ['directory-admin', 'customer-service'] as const;
const staffView = (p: Profile & { organization: Organization | null }) => ({
  ...toProfileView(p),
  hasAccount: p.username !== null,
  mustChangePassword: p.mustChangePassword,
});

/** A temporary password that satisfies the portal's rules: 10 letters and digits, at least one of each. */
function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)]!, digits[randomInt(digits.length)]!];
  while (chars.length < 10) chars.push(all[randomInt(all.length)]!);
  return chars.sort(() => randomInt(3) - 1).join('');
}

/** The staff directory of an organization, kept by its directory administrators. */
export function mountStaffRoutes(app: Express, deps: IdentityDeps): void {
  app.get('/organizations/:code/staff', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code!);
    const staff = await deps.db.profile.findMany({ where: { organizationId: org.id }, include: { organization: true }, orderBy: { lastName: 'asc' }, take: 500 });
    res.json({ staff: staff.map(staffView) });
  });

  /** Adds a staff record without credentials: the person later completes it (pre-existing profile). */
  app.post('/organizations/:code/staff', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code!);
    const body = parse(staffRequest, req.body);
    const digest = ssnDigest(deps.piiKey, body.ssnLast4);
    const dob = new Date(`${body.dateOfBirth}T00:00:00Z`);
    const created = await deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${body.dateOfBirth}:${digest}`}))`;
      const same = await tx.profile.findMany({ where: { dateOfBirth: dob, ssnLast4Digest: digest } });
      if (same.some((p) => normalizeName(p.lastName) === normalizeName(body.lastName))) {
        throw conflict('staff-exists', 'A record for this person already exists; ask DESE customer service to link it to your organization.');
      }
      return tx.profile.create({
        data: {
          mepid: await nextMepid(tx), source: 'ADMINISTRATOR', firstName: body.firstName, middleName: body.middleName,
          lastName: body.lastName, dateOfBirth: dob, ssnLast4Digest: digest, email: body.email, organizationId: org.id,
        },
        include: { organization: true },
      });
    });
    await audit(deps.db, { action: 'staff.added', outcome: 'succeeded', actorId: who.userId, subjectId: created.id, detail: { organization: org.code } });
    res.status(201).json(staffView(created));
  });

  app.patch('/organizations/:code/staff/:mepid', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code!);
    const member = await staffMember(deps.db, org.id, req.params.mepid!);
    const body = parse(staffUpdateRequest, req.body);
    const updated = await deps.db.profile.update({ where: { id: member.id }, data: body, include: { organization: true } });
    await audit(deps.db, { action: 'staff.edited', outcome: 'succeeded', actorId: who.userId, subjectId: member.id, detail: { fields: Object.keys(body).join(',') } });
    res.json(staffView(updated));
  });

  /** Emails a one-time temporary password; the member must choose a new one at next sign-in. */
  app.post('/organizations/:code/staff/:mepid/password-reset', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code!);
    const member = await staffMember(deps.db, org.id, req.params.mepid!);
    if (!member.username || !member.email) throw conflict('no-account', 'This staff member has no account or email to reset.');
    await setPassword(deps, member, temporaryPassword(), { reason: 'admin-reset', actorId: who.userId, temporary: true });
    res.status(202).json({ mepid: member.mepid, message: 'A temporary password was emailed; it must be changed at next sign-in.' });
  });

  app.get('/audit-events', async (req, res) => {
    readPrincipal(req, ['customer-service', 'operator']);
    const subject = typeof req.query.subjectMepid === 'string' ? await deps.db.profile.findUnique({ where: { mepid: req.query.subjectMepid } }) : undefined;
    const events = await deps.db.auditEvent.findMany({
      where: {
        ...(typeof req.query.action === 'string' ? { action: req.query.action } : {}),
        ...(subject !== undefined ? { subjectId: subject?.id ?? '-' } : {}),
      },
      orderBy: { at: 'desc' },
      take: 200,
    });
    res.json({ events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, outcome: e.outcome, actorId: e.actorId, subjectId: e.subjectId, requestId: e.requestId })) });
  });
}

import { randomInt } from 'node:crypto';
import type { Express } from 'express';
import { membershipDecisionRequest, staffRequest, staffUpdateRequest } from '@elar/api';
import { conflict, notFound } from '@elar/errors';
import { parse, readPrincipal } from '@elar/http';
import type { IdentityDeps } from '../deps';
import { audit } from '../audit/audit';
import { ssnDigest } from '../credentials/hashing';
import { setPassword } from '../credentials/set-password';
import type { Profile, Organization } from '../generated/prisma/client';
import { nextMepid } from '../profiles/create-profile';
import { normalizeName } from '../profiles/matching';
import { toProfileView } from '../profiles/view';
import { maskEmail } from '../notifications/mask-email';
import { organizationFor, staffMember } from './access';
import { confirmEmailChange, pendingEmailChange, requestStaffEmailChange } from './email-change';

const ADMINS = ['directory-admin', 'customer-service'] as const;
const staffView = (p: Profile & { organization: Organization | null }) => ({
  ...toProfileView(p),
  hasAccount: p.username !== null,
  mustChangePassword: p.mustChangePassword,
});

const LINK_REQUESTED =
  'The request was recorded. If this person already has an ELAR record, DESE customer service will link it to your organization; otherwise check the details and try again.';


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
  /** The staff view plus an email change waiting for the person (masked: the administrator typed it, the view need not echo it). */
  const staffViewWithPending = async (p: Profile & { organization: Organization | null }) => {
    const pending = await pendingEmailChange(deps.db, p.id);
    return { ...staffView(p), pendingEmailChange: pending ? { maskedNewEmail: maskEmail(pending.newEmail), expiresAt: pending.expiresAt.toISOString() } : null };
  };
  app.get('/organizations/:code/staff', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const staff = await deps.db.profile.findMany({ where: { organizationId: org.id }, include: { organization: true }, orderBy: { lastName: 'asc' }, take: 500 });
    res.json({ staff: staff.map(staffView) });
  });

  /** Adds a staff record without credentials: the person later completes it (pre-existing profile). */
  app.post('/organizations/:code/staff', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const body = parse(staffRequest, req.body);
    const digest = ssnDigest(deps.piiKey, body.ssnLast4);
    const dob = new Date(`${body.dateOfBirth}T00:00:00Z`);
    const created = await deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${body.dateOfBirth}:${digest}`}))`;
      const same = (await tx.profile.findMany({ where: { dateOfBirth: dob, ssnLast4Digest: digest } })).filter(
        (p) => normalizeName(p.lastName) === normalizeName(body.lastName),
      );
      if (same.some((p) => p.organizationId === org.id)) {
        throw conflict('staff-exists', 'This person is already on your staff list.');
      }
      // A record elsewhere is not this organization's to see: no "exists", no MEPID, no organization.
      if (same.length) return null;
      return tx.profile.create({
        data: {
          mepid: await nextMepid(tx), source: 'ADMINISTRATOR', firstName: body.firstName, middleName: body.middleName,
          lastName: body.lastName, dateOfBirth: dob, ssnLast4Digest: digest, email: body.email, organizationId: org.id,
        },
        include: { organization: true },
      });
    });
    if (!created) {
      await audit(deps.db, { action: 'staff.link-requested', outcome: 'pending', actorId: who.userId, detail: { organization: org.code } });
      res.status(202).json({ message: LINK_REQUESTED });
      return;
    }
    await audit(deps.db, { action: 'staff.added', outcome: 'succeeded', actorId: who.userId, subjectId: created.id, detail: { organization: org.code } });
    res.status(201).json(staffView(created));
  });

  app.patch('/organizations/:code/staff/:mepid', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const member = await staffMember(deps.db, org.id, req.params.mepid);
    const { email, ...fields } = parse(staffUpdateRequest, req.body);
    await deps.db.profile.update({ where: { id: member.id }, data: fields });
    await audit(deps.db, { action: 'staff.edited', outcome: 'succeeded', actorId: who.userId, subjectId: member.id, detail: { fields: Object.keys(fields).join(',') } });
    const change = email ? await requestStaffEmailChange(deps, who, member, email) : { pending: false };
    const updated = await deps.db.profile.findUniqueOrThrow({ where: { id: member.id }, include: { organization: true } });
    res.status(change.pending ? 202 : 200).json(await staffViewWithPending(updated));
  });

  /** DESE customer service approves an administrator's pending change of a staff member's email. */
  app.post('/organizations/:code/staff/:mepid/email-change/approval', async (req, res) => {
    const who = readPrincipal(req, ['customer-service']);
    const org = await organizationFor(deps.db, who, req.params.code);
    const member = await staffMember(deps.db, org.id, req.params.mepid);
    res.json(staffView(await confirmEmailChange(deps, who, member)));
  });

  /** Self-service profiles that named this organization: they join its staff only when an administrator approves. */
  app.get('/organizations/:code/membership-requests', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const people = await deps.db.profile.findMany({ where: { requestedOrganizationId: org.id }, orderBy: { createdAt: 'asc' }, take: 500 });
    res.json({ requests: people.map((p) => ({ mepid: p.mepid, firstName: p.firstName, lastName: p.lastName, requestedAt: p.createdAt.toISOString() })) });
  });

  app.post('/organizations/:code/membership-requests/:mepid', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const { decision } = parse(membershipDecisionRequest, req.body);
    const person = await deps.db.profile.findFirst({ where: { mepid: req.params.mepid, requestedOrganizationId: org.id } });
    if (!person) throw notFound('membership-request-not-found', `No membership request from MEPID ${req.params.mepid} for this organization.`);
    const updated = await deps.db.profile.update({
      where: { id: person.id },
      data: { requestedOrganizationId: null, ...(decision === 'approve' ? { organizationId: org.id } : {}) },
      include: { organization: true },
    });
    await audit(deps.db, { action: 'staff.membership', outcome: decision, actorId: who.userId, subjectId: person.id, detail: { organization: org.code } });
    res.json(staffView(updated));
  });

  /** Emails a one-time temporary password; the member must choose a new one at next sign-in. */
  app.post('/organizations/:code/staff/:mepid/password-reset', async (req, res) => {
    const who = readPrincipal(req, ADMINS);
    const org = await organizationFor(deps.db, who, req.params.code);
    const member = await staffMember(deps.db, org.id, req.params.mepid);
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

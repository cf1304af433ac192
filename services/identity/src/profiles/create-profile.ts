import type { Client } from '@temporalio/client';
import type { CreateProfileRequest } from '@elar/api';
import type { Logger } from '@elar/logger';
import type { Mailer } from '@elar/mail';
import type { PasswordPolicyName } from '../credentials/password-policy';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { deliver } from '../notifications/send-notification';
import { createCaseRow, startCaseWorkflow } from '../partial-match/open-case';
import { audit } from '../audit/audit';
import { matchProfile } from './matching';
import { mepidFromSequence } from './mepid';
import type { Onboarding } from './onboarding';
import { assemble, hashCredentialsPage, hashIdentityPage, type HashedSubmission } from './submission';
import { withNewUsername } from './username';

export interface CreateProfileDeps {
  db: Db;
  mailer: Mailer;
  temporal: Client;
  escalateAfterBusinessDays: number;
  piiKey: string;
  passwordPolicy: PasswordPolicyName;
  onboarding: Onboarding;
  logger: Logger;
}

export type CreateProfileResult =
  | { outcome: 'new-profile'; mepid: string; username: string; profileId: string }
  | { outcome: 'pre-existing-completed'; mepid: string; username: string; profileId: string }
  | { outcome: 'exact-match'; profileId: string }
  | { outcome: 'partial-match'; caseNumber: string; organizationId: string | null; recordMepid: string };

type Tx = Prisma.TransactionClient;

export async function nextMepid(tx: Tx | Db): Promise<string> {
  const rows = await tx.$queryRaw<{ v: bigint }[]>`SELECT nextval('mepid_seq') AS v`;
  return mepidFromSequence(BigInt(rows[0]!.v));
}

/** All four pages in one request: validate, hash, then submit. */
export async function createProfile(deps: CreateProfileDeps, req: CreateProfileRequest): Promise<CreateProfileResult> {
  const credentials = await hashCredentialsPage(deps.passwordPolicy, req.credentials);
  return submitProfile(deps, assemble(hashIdentityPage(deps.piiKey, req.identity), req.contact, req.background, credentials));
}

/**
 * Submits a (hashed) profile. Inside one transaction, serialized per (birth date, SSN digits) by an
 * advisory lock so a double submission cannot create two profiles, it matches the submission
 * against existing records and takes one of the four outcomes; the processes that follow (welcome,
 * case escalation, user-name reminder) start after the commit.
 */
export async function submitProfile(deps: CreateProfileDeps, s: HashedSubmission): Promise<CreateProfileResult> {
  const dob = new Date(`${s.dateOfBirth}T00:00:00Z`);
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${s.dateOfBirth}:${s.ssnLast4Digest}`}))`;
    const candidates = await tx.profile.findMany({ where: { dateOfBirth: dob } });
    const match = matchProfile(s, candidates);

    if (match.kind === 'partial') {
      const record = await tx.profile.findUniqueOrThrow({ where: { id: match.record.id } });
      const created = await createCaseRow(tx, { recordId: record.id, organizationId: record.organizationId, reason: match.reason, submission: s });
      return { outcome: 'partial-match' as const, caseNumber: created.caseNumber, organizationId: record.organizationId, recordMepid: record.mepid };
    }
    if (match.kind === 'exact' && match.record.username) {
      return { outcome: 'exact-match' as const, profileId: match.record.id };
    }
    if (match.kind === 'exact') {
      const completed = await withNewUsername(tx, s.firstName, s.lastName, (username) =>
        tx.profile.update({
          where: { id: match.record.id },
          data: {
            username, passwordHash: s.passwordHash, hintQuestion: s.hintQuestion, hintAnswerHash: s.hintAnswerHash,
            email: s.email, phone: s.phone, address: s.address as object,
            passwordHistory: { create: { hash: s.passwordHash } },
          },
        }),
      );
      return { outcome: 'pre-existing-completed' as const, mepid: completed.mepid, username: completed.username!, profileId: completed.id };
    }

    const orgCode = s.organizationCodes?.[0];
    const organization = orgCode ? await tx.organization.findUnique({ where: { code: orgCode } }) : null;
    const mepid = await nextMepid(tx);
    const created = await withNewUsername(tx, s.firstName, s.lastName, (username) =>
      tx.profile.create({
        data: {
          mepid, username, source: 'EDUCATOR',
          firstName: s.firstName, middleName: s.middleName, lastName: s.lastName, priorNames: s.priorNames,
          dateOfBirth: dob, ssnLast4Digest: s.ssnLast4Digest, email: s.email, phone: s.phone, address: s.address as object,
          // Named organizations are a request: the person joins the staff list when its administrator approves.
          requestedOrganizationId: organization?.id, priorLicenseNumbers: s.priorLicenseNumbers,
          passwordHash: s.passwordHash, hintQuestion: s.hintQuestion, hintAnswerHash: s.hintAnswerHash,
          passwordHistory: { create: { hash: s.passwordHash } },
        },
      }),
    );
    return { outcome: 'new-profile' as const, mepid, username: created.username!, profileId: created.id };
  });

  if (result.outcome === 'new-profile' || result.outcome === 'pre-existing-completed') {
    await deps.onboarding.start({ profileId: result.profileId, mepid: result.mepid });
  } else if (result.outcome === 'partial-match') {
    // The case is committed: if Temporal is unreachable now, the reconciler starts its workflow later
    // (same id, so never twice), and the educator is not pushed to submit again and open a second case.
    await startCaseWorkflow(deps.temporal, result, result.recordMepid, deps.escalateAfterBusinessDays)
      .catch((err: unknown) => deps.logger.warn({ err, caseNumber: result.caseNumber }, 'partial-match start deferred'));
  } else {
    const record = await deps.db.profile.findUniqueOrThrow({ where: { id: result.profileId } });
    if (record.email) {
      const day = new Date().toISOString().slice(0, 10);
      await deliver(deps.db, deps.mailer, {
        idempotencyKey: `username-reminder:${record.id}:${day}`, to: record.email, profileId: record.id, template: 'username-reminder',
        data: { name: `${record.firstName} ${record.lastName}`, username: record.username },
      });
    }
  }
  await audit(deps.db, { action: 'profile.submitted', subjectId: 'profileId' in result ? result.profileId : undefined, outcome: result.outcome });
  deps.logger.info({ outcome: result.outcome }, 'profile submitted');
  return result;
}

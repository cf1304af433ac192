import type { CreateProfileRequest } from '@elar/api';
import { unprocessable } from '@elar/errors';
import type { Logger } from '@elar/logger';
import { checkPassword, type PasswordPolicyName } from '../credentials/password-policy';
import { hashSecret, normalizeHintAnswer, ssnDigest } from '../credentials/hashing';
import { isUniqueViolation, type Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { matchProfile } from './matching';
import { mepidFromSequence } from './mepid';
import { proposeUsername } from './username';
import type { Onboarding } from './onboarding';
import type { Client } from '@temporalio/client';
import type { Mailer } from '@elar/mail';
import { deliver } from '../notifications/send-notification';
import { createCaseRow, startCaseWorkflow } from '../partial-match/open-case';

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

async function nextMepid(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<{ v: bigint }[]>`SELECT nextval('mepid_seq') AS v`;
  return mepidFromSequence(BigInt(rows[0]!.v));
}

/** Assigns a fresh user name, retrying on the (rare) collision the unique index reports. */
async function withNewUsername<T>(first: string, last: string, write: (username: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(proposeUsername(first, last));
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 5) throw err;
    }
  }
}

/**
 * Submits all four pages. Inside one transaction, serialized per (birth date, SSN digits) by an
 * advisory lock so a double submission cannot create two profiles, it matches the submission
 * against existing records and takes one of the four outcomes. Nothing is written for a partial
 * or exact match except through their own processes.
 */
export async function createProfile(deps: CreateProfileDeps, req: CreateProfileRequest): Promise<CreateProfileResult> {
  const { identity, contact, background, credentials } = req;
  if (credentials.password !== credentials.passwordConfirmation) {
    throw unprocessable('password-confirmation-mismatch', 'The password and its confirmation differ.', [
      { field: 'credentials.passwordConfirmation', code: 'mismatch', message: 'Does not match the password.' },
    ]);
  }
  await checkPassword(deps.passwordPolicy, credentials.password, { previousHashes: [] });
  const digest = ssnDigest(deps.piiKey, identity.ssnLast4);
  const [passwordHash, hintAnswerHash] = await Promise.all([
    hashSecret(credentials.password),
    hashSecret(normalizeHintAnswer(credentials.hintAnswer)),
  ]);
  const dob = new Date(`${identity.dateOfBirth}T00:00:00Z`);

  const result = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${identity.dateOfBirth}:${digest}`}))`;
    const candidates = await tx.profile.findMany({ where: { dateOfBirth: dob } });
    const match = matchProfile({ ...identity, ssnLast4Digest: digest }, candidates);

    if (match.kind === 'partial') {
      const record = await tx.profile.findUniqueOrThrow({ where: { id: match.record.id } });
      const created = await createCaseRow(tx, {
        recordId: record.id,
        organizationId: record.organizationId,
        reason: match.reason,
        submission: {
          firstName: identity.firstName, middleName: identity.middleName, lastName: identity.lastName,
          priorNames: identity.priorNames, dateOfBirth: identity.dateOfBirth, ssnLast4Digest: digest,
          email: contact.email, phone: contact.phone, address: contact.address,
          priorLicenseNumbers: background.priorLicenseNumbers, passwordHash,
          hintQuestion: credentials.hintQuestion, hintAnswerHash,
        },
      });
      return { outcome: 'partial-match' as const, caseNumber: created.caseNumber, organizationId: record.organizationId, recordMepid: record.mepid };
    }
    if (match.kind === 'exact' && match.record.username) {
      return { outcome: 'exact-match' as const, profileId: match.record.id };
    }
    if (match.kind === 'exact') {
      const completed = await withNewUsername(identity.firstName, identity.lastName, (username) =>
        tx.profile.update({
          where: { id: match.record.id },
          data: {
            username,
            passwordHash,
            hintQuestion: credentials.hintQuestion,
            hintAnswerHash,
            email: contact.email,
            phone: contact.phone,
            address: contact.address,
            passwordHistory: { create: { hash: passwordHash } },
          },
        }),
      );
      return { outcome: 'pre-existing-completed' as const, mepid: completed.mepid, username: completed.username!, profileId: completed.id };
    }

    const organization = background.organizationCodes[0]
      ? await tx.organization.findUnique({ where: { code: background.organizationCodes[0] } })
      : null;
    const mepid = await nextMepid(tx);
    const created = await withNewUsername(identity.firstName, identity.lastName, (username) =>
      tx.profile.create({
        data: {
          mepid,
          username,
          source: 'EDUCATOR',
          firstName: identity.firstName,
          middleName: identity.middleName,
          lastName: identity.lastName,
          priorNames: identity.priorNames,
          dateOfBirth: dob,
          ssnLast4Digest: digest,
          email: contact.email,
          phone: contact.phone,
          address: contact.address,
          organizationId: organization?.id,
          priorLicenseNumbers: background.priorLicenseNumbers,
          passwordHash,
          hintQuestion: credentials.hintQuestion,
          hintAnswerHash,
          passwordHistory: { create: { hash: passwordHash } },
        },
      }),
    );
    return { outcome: 'new-profile' as const, mepid, username: created.username!, profileId: created.id };
  });

  if (result.outcome === 'new-profile' || result.outcome === 'pre-existing-completed') {
    await deps.onboarding.start({ profileId: result.profileId, mepid: result.mepid });
  } else if (result.outcome === 'partial-match') {
    await startCaseWorkflow(deps.temporal, result, result.recordMepid, deps.escalateAfterBusinessDays);
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
  deps.logger.info({ outcome: result.outcome }, 'profile submitted');
  return result;
}

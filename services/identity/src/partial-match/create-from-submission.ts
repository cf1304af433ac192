import type { Db } from '../db/client';
import { mepidFromSequence } from '../profiles/mepid';
import { withNewUsername } from '../profiles/username';
import type { HashedSubmission } from '../profiles/submission';

/**
 * Creates the profile a case held back, once: the case row is locked and remembers the profile it
 * made (`resolution` holds `created:<profileId>`), so a retried activity returns the same profile.
 */
export async function createProfileFromSubmission(db: Db, caseId: string, s: HashedSubmission) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "PartialMatchCase" WHERE id = ${caseId} FOR UPDATE`;
    const c = await tx.partialMatchCase.findUniqueOrThrow({ where: { id: caseId } });
    if (c.resolution?.startsWith('created:')) {
      return tx.profile.findUniqueOrThrow({ where: { id: c.resolution.slice('created:'.length) } });
    }
    const rows = await tx.$queryRaw<{ v: bigint }[]>`SELECT nextval('mepid_seq') AS v`;
    const mepid = mepidFromSequence(BigInt(rows[0]!.v));
    const profile = await withNewUsername(tx, s.firstName, s.lastName, (username) =>
      tx.profile.create({
        data: {
          mepid, username, source: 'EDUCATOR',
          firstName: s.firstName, middleName: s.middleName, lastName: s.lastName, priorNames: s.priorNames,
          dateOfBirth: new Date(`${s.dateOfBirth}T00:00:00Z`), ssnLast4Digest: s.ssnLast4Digest,
          email: s.email, phone: s.phone, address: s.address as object, priorLicenseNumbers: s.priorLicenseNumbers,
          passwordHash: s.passwordHash, hintQuestion: s.hintQuestion, hintAnswerHash: s.hintAnswerHash,
          passwordHistory: { create: { hash: s.passwordHash } },
        },
      }),
    );
    await tx.partialMatchCase.update({ where: { id: caseId }, data: { resolution: `created:${profile.id}` } });
    return profile;
  });
}

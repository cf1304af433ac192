// Seeds the local stack's demo organization and people (idempotent: a second run changes nothing).
import { configOrExit } from '@elar/config';
import { hashSecret, ssnDigest } from './credentials/hashing';
import { createDb } from './db/client';
import { loadIdentityConfig } from './env';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_PREEXISTING, DEMO_USERS } from './seed-data';
import { mepidFromSequence } from './profiles/mepid';

async function main() {
  const config = configOrExit(() => loadIdentityConfig());
  const db = createDb(config.DATABASE_URL);
  try {
    const org = await db.organization.upsert({ where: { code: DEMO_ORGANIZATION.code }, update: {}, create: DEMO_ORGANIZATION });
    const nextMepid = async () => {
      const rows = await db.$queryRaw<{ v: bigint }[]>`SELECT nextval('mepid_seq') AS v`;
      return mepidFromSequence(BigInt(rows[0]!.v));
    };
    for (const u of DEMO_USERS) {
      if (await db.profile.findUnique({ where: { username: u.username } })) continue;
      const hash = await hashSecret(DEMO_PASSWORD);
      await db.profile.create({
        data: {
          mepid: await nextMepid(), username: u.username, role: u.role, source: 'DESE',
          firstName: u.firstName, lastName: u.lastName, dateOfBirth: new Date(`${u.dateOfBirth}T00:00:00Z`),
          ssnLast4Digest: ssnDigest(config.IDENTITY_PII_KEY, u.ssnLast4), email: u.email,
          organizationId: u.staff ? org.id : null, passwordHash: hash, hintQuestion: 'Favorite color?',
          hintAnswerHash: await hashSecret('blue'), onboardingStartedAt: new Date(),
          passwordHistory: { create: { hash } },
        },
      });
    }
    const p = DEMO_PREEXISTING;
    const dob = new Date(`${p.dateOfBirth}T00:00:00Z`);
    if (!(await db.profile.findFirst({ where: { lastName: p.lastName, dateOfBirth: dob } }))) {
      await db.profile.create({
        data: {
          mepid: await nextMepid(), source: 'ADMINISTRATOR', firstName: p.firstName, lastName: p.lastName,
          dateOfBirth: dob, ssnLast4Digest: ssnDigest(config.IDENTITY_PII_KEY, p.ssnLast4), organizationId: org.id,
        },
      });
    }
    process.stdout.write('identity demo data ready\n');
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  process.stderr.write(`identity seed failed: ${err}\n`);
  process.exit(1);
});

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashSecret, ssnDigest } from '../../services/identity/src/credentials/hashing';

/**
 * Test set-up that the API does not offer to strangers: organizations and staff with roles (in the
 * product DESE creates these). Writes straight into the identity test database.
 */
export async function withIdentityDb<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

export async function createOrganization(url: string, code: string) {
  const id = randomUUID();
  await withIdentityDb(url, (db) => db.query(`INSERT INTO "Organization"(id, code, name, kind) VALUES ($1, $2, $3, 'district')`, [id, code, `${code} Schools`]));
  return id;
}

let n = 0;
export async function createPerson(
  url: string,
  opts: { role?: string; organizationId?: string; password?: string; firstName?: string; lastName?: string; dateOfBirth?: string; ssnLast4?: string; piiKey?: string; email?: string },
) {
  n++;
  const username = opts.password ? `staff${Date.now() % 100000}${n}` : null;
  const hash = opts.password ? await hashSecret(opts.password) : null;
  const id = randomUUID();
  const mepid = String(90_000_000 + ((Date.now() + n) % 9_999_999)).slice(0, 8);
  await withIdentityDb(url, (db) =>
    db.query(
      `INSERT INTO "Profile"(id, mepid, username, role, source, "firstName", "lastName", "priorNames", "dateOfBirth", "ssnLast4Digest", email, "organizationId", "priorLicenseNumbers", "passwordHash", "onboardingStartedAt", "updatedAt")
       VALUES ($1,$2,$3,$4,'ADMINISTRATOR',$5,$6,'{}',$7,$8,$9,$10,'{}',$11, now(), now())`,
      [id, mepid, username, opts.role ?? 'EDUCATOR', opts.firstName ?? 'Sam', opts.lastName ?? 'Staff', opts.dateOfBirth ?? '1970-01-01',
        ssnDigest(opts.piiKey ?? 'unused-key-for-staff-only', opts.ssnLast4 ?? '0000'), opts.email ?? `staff${Date.now()}${n}@example.org`, opts.organizationId ?? null, hash],
    ),
  );
  return { id, mepid, username };
}

import { expect } from '@jest/globals';
import { Client as PgClient } from 'pg';
import type { ApiClient } from './client';
import { signedInEducator as educatorVia, until } from './educators';
import { createPerson } from './staff';

/** An educator created through the public API and signed in; `profileId` read from identity's test database. */
export async function signedInEducator(api: ApiClient, identityDbUrl: string, firstName: string, lastName: string) {
  const educator = await educatorVia(api, firstName, lastName);
  const mepid = educator.mepid;
  const db = new PgClient({ connectionString: identityDbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM "Profile" WHERE mepid = $1', [mepid]);
    return { ...educator, profileId: rows[0]!.id, firstName, lastName };
  } finally {
    await db.end();
  }
}

/** Staff (DESE creates these; identity's seed does not run in tests): inserted, then signed in through the API. */
export async function signedInStaff(api: ApiClient, identityDbUrl: string, role: 'EVALUATOR' | 'CUSTOMER_SERVICE' | 'DIRECTORY_ADMIN') {
  const password = 'Staff2026';
  const person = await createPerson(identityDbUrl, { role, password, email: `${role.toLowerCase()}${Date.now()}${Math.random().toString(36).slice(2, 6)}@doe.example` });
  const signIn = await api.signIn(person.username!, password);
  expect(signIn.status).toBe(200);
  return { token: signIn.body.token as string, id: person.id };
}

export { until };

import { expect } from '@jest/globals';
import { Client as PgClient } from 'pg';
import type { ApiClient } from './client';
import { newProfile } from './client';
import { createPerson } from './staff';

/** An educator created through the public API and signed in; `profileId` read from identity's test database. */
export async function signedInEducator(api: ApiClient, identityDbUrl: string, firstName: string, lastName: string) {
  const profile = newProfile({ firstName, lastName });
  const created = await api.post('/profiles', profile);
  expect(created.status).toBe(201);
  const signIn = await api.post('/auth/sign-in', { username: created.body.username, password: profile.credentials.password });
  expect(signIn.status).toBe(200);
  const mepid = created.body.mepid as string;
  const db = new PgClient({ connectionString: identityDbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM "Profile" WHERE mepid = $1', [mepid]);
    return { token: signIn.body.token as string, email: profile.contact.email, mepid, profileId: rows[0]!.id, firstName, lastName };
  } finally {
    await db.end();
  }
}

/** Staff (DESE creates these; identity's seed does not run in tests): inserted, then signed in through the API. */
export async function signedInStaff(api: ApiClient, identityDbUrl: string, role: 'EVALUATOR' | 'CUSTOMER_SERVICE' | 'DIRECTORY_ADMIN') {
  const password = 'Staff2026';
  const person = await createPerson(identityDbUrl, { role, password, email: `${role.toLowerCase()}${Date.now()}${Math.random().toString(36).slice(2, 6)}@doe.example` });
  const signIn = await api.post('/auth/sign-in', { username: person.username, password });
  expect(signIn.status).toBe(200);
  return { token: signIn.body.token as string, id: person.id };
}

/** Polls until `ok`, failing with what it last saw. */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

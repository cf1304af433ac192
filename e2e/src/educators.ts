import { expect } from '@jest/globals';
import { newProfile, type ApiClient } from './client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` holds, failing with the last value after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(250);
  }
}

/** An educator created through the public API, signed in. */
export async function signedInEducator(api: ApiClient, firstName: string, lastName: string) {
  const profile = newProfile({ firstName, lastName });
  const created = await api.post('/profiles', profile);
  expect(created.status).toBe(201);
  const signIn = await api.signIn(created.body.username, profile.credentials.password);
  expect(signIn.status).toBe(200);
  return { token: signIn.body.token as string, email: profile.contact.email, mepid: created.body.mepid as string };
}

import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Pool, request } from 'undici';
import type { Stack } from '@elar/devstack';
import { INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, encodePrincipal, type Principal } from '@elar/http';
import { hashSecret } from '../../services/identity/src/credentials/hashing';

/** One signed-in person: a bearer token for the gateway, and the headers the gateway would forward upstream. */
export interface Actor {
  token: string;
  username: string;
  password: string;
  principal: Principal;
  gatewayHeaders: Record<string, string>;
  serviceHeaders: Record<string, string>;
}

export interface Api {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON of any route; each benchmark reads the fields it needs
  call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** A keep-alive client of the gateway's public API (as a browser or app would hold one). */
export function gatewayApi(stack: Stack, connections = 64): Api {
  const pool = new Pool(stack.gatewayUrl, { connections, pipelining: 1 });
  return {
    async call(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await pool.request({ method: method, path: `/api/v1${path}`, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.body.text();
      return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
    },
    close: () => pool.close(),
  };
}

async function expectOk<T>(what: string, p: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Signs in at the gateway and, for the service-direct figures, at identity's internal sign-in. */
async function signIn(stack: Stack, api: Api, username: string, password: string): Promise<Actor> {
  const { token } = await expectOk<{ token: string }>('sign-in', api.call('POST', '/auth/sign-in', { username, password }));
  const internal = { [INTERNAL_TOKEN_HEADER]: stack.env.INTERNAL_TOKEN! };
  const res = await request(`${stack.env.IDENTITY_URL}/internal/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...internal }, body: JSON.stringify({ username, password }),
  });
  const { principal } = (await res.body.json()) as { principal: Principal };
  return {
    token, username, password, principal,
    gatewayHeaders: { authorization: `Bearer ${token}` },
    serviceHeaders: { ...internal, [PRINCIPAL_HEADER]: encodePrincipal(principal) },
  };
}

/** A made-up educator created through the public API (random birth date and SSN digits: no matches). */
export async function educator(stack: Stack, api: Api): Promise<Actor> {
  const password = 'Bench2026';
  const n = randomInt(0, 1_000_000_000);
  const created = await expectOk<{ username: string }>('profile', api.call('POST', '/profiles', {
    identity: {
      firstName: 'Bench', lastName: `Mark-${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`, priorNames: [],
      dateOfBirth: `${1950 + (n % 50)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
      ssnLast4: String(n % 10_000).padStart(4, '0'),
    },
    contact: { email: `bench${randomUUID()}@example.org`, phone: '617-555-0100', address: { line1: '1 Main St', city: 'Malden', state: 'MA', postalCode: '02148' } },
    background: { organizationCodes: [], priorLicenseNumbers: [] },
    credentials: { password, passwordConfirmation: password, hintQuestion: 'Benchmark?', hintAnswer: 'autocannon' },
  }));
  return signIn(stack, api, created.username, password);
}

/** An evaluator (DESE makes these; the API does not): inserted into identity's database, then signed in. */
export async function evaluator(stack: Stack, api: Api): Promise<Actor> {
  const username = `evaluator${randomBytes(3).toString('hex')}`;
  const password = 'Evaluate2026';
  const db = new Client({ connectionString: stack.databaseUrls.identity });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "Profile" (id, mepid, username, role, source, "firstName", "lastName", "priorNames", "dateOfBirth", "ssnLast4Digest",
         email, "priorLicenseNumbers", "passwordHash", "mustChangePassword", "onboardingStartedAt", "updatedAt")
       VALUES ($1, $2, $3, 'EVALUATOR', 'DESE', 'Eve', 'Valuator', '{}', '1970-01-01', 'not-matched', $4, '{}', $5, false, now(), now())`,
      [randomUUID(), `9${String(randomInt(0, 1e7)).padStart(7, '0')}`, username, `${username}@doe.example`, await hashSecret(password)],
    );
  } finally {
    await db.end();
  }
  return signIn(stack, api, username, password);
}

const REQUIREMENTS = ['bachelors-transcript', 'mtel-communication-literacy', 'mtel-subject', 'program-completion', 'sei-endorsement'];
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

/** A draft application for an Initial mathematics license; returns its number. */
export async function draftApplication(api: Api, who: Actor): Promise<string> {
  const draft = await expectOk<{ applicationNumber: string }>('draft', api.call('POST', '/applications', {
    items: [{ kind: 'license', licenseType: 'initial', field: 'mathematics', gradeLevel: '8-12' }],
  }, who.token));
  return draft.applicationNumber;
}

/** A draft with every required document uploaded and the fee paid: ready to submit. */
export async function readyToSubmit(api: Api, who: Actor): Promise<string> {
  const n = await draftApplication(api, who);
  for (const requirementId of REQUIREMENTS) {
    await expectOk('upload', api.call('POST', `/applications/${n}/documents`, { requirementId, fileName: `${requirementId}.pdf`, contentBase64: pdf(requirementId) }, who.token));
  }
  const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
  await expectOk('payment', api.call('POST', `/applications/${n}/payments`, { idempotencyKey: `pay-${randomUUID()}`, card }, who.token));
  return n;
}

/** Submits: the review workflow starts (Ready for Review). */
export async function submit(api: Api, who: Actor, n: string): Promise<void> {
  await expectOk('submit', api.call('POST', `/applications/${n}/submit`, undefined, who.token));
}

export async function claim(api: Api, who: Actor, n: string): Promise<void> {
  await expectOk('claim', api.call('POST', `/applications/${n}/claim`, undefined, who.token));
}

export async function approve(api: Api, who: Actor, n: string): Promise<void> {
  const approved = await expectOk<{ status: string }>('approve', api.call('POST', `/applications/${n}/decisions`, { action: 'approve' }, who.token));
  if (approved.status !== 'Issued') throw new Error(`approved application ${n} is ${approved.status}, not Issued`);
}


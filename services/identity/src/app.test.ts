import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import { eventually, freePort, isSignInCodeMail, serviceCaller, sixDigitCodeIn, startServiceHarness, type ServiceHarness } from '@elar/devstack';
import { profileOnboardingWorkflowId } from '@elar/workflows';
import { loadIdentityConfig } from './env';
import { startIdentity, type IdentityService } from './start';

/**
 * The identity service in-process (createApp + listen, as main.ts runs it) against its own migrated
 * PostgreSQL database, a Temporal test environment and a real SMTP catcher; called as the gateway calls it.
 */
const INTERNAL_TOKEN = 'internal-token-for-service-tests';
let harness: ServiceHarness;
let identity: IdentityService;
let call: ReturnType<typeof serviceCaller>;

beforeAll(async () => {
  harness = await startServiceHarness('identity');
  identity = await startIdentity(loadIdentityConfig({
    DATABASE_URL: harness.databaseUrl, TEMPORAL_ADDRESS: harness.temporal.address, INTERNAL_TOKEN, IDENTITY_PII_KEY: 'pii-key-for-service-tests',
    HOST: '127.0.0.1', PORT: String(await freePort()), SMTP_PORT: String(harness.mail.port), LOG_LEVEL: 'warn',
    // Licensing (catalog names in emails) is not running: the emails tested here need none.
    LICENSING_URL: `http://127.0.0.1:${await freePort()}`,
  }));
  call = serviceCaller(identity.server.url, INTERNAL_TOKEN);
}, 180_000);

afterAll(async () => {
  await identity?.stop();
  await harness?.stop();
});

let n = 0;
/** A number spelled in letters (names take no digits). */
const letters = (k: number) => [...String(k)].map((d) => String.fromCharCode(97 + Number(d))).join('');

function person(overrides: { email?: string } = {}) {
  const k = randomInt(1, 1_000_000);
  n++;
  return {
    identity: { firstName: 'Ada', lastName: `Service ${letters(k)}`, priorNames: [], dateOfBirth: `19${70 + (k % 29)}-0${(k % 9) + 1}-1${k % 9}`, ssnLast4: String(k % 10_000).padStart(4, '0') },
    contact: { email: overrides.email ?? `svc${k}-${n}@example.org`, phone: '617-555-0100', address: { line1: '75 Pleasant St', city: 'Malden', state: 'MA', postalCode: '02148' } },
    background: { organizationCodes: [], priorLicenseNumbers: [] },
    credentials: { password: 'Teach2026', passwordConfirmation: 'Teach2026', hintQuestion: 'Name of my first school?', hintAnswer: 'Lincoln Elementary' },
  };
}

describe('identity service: profiles', () => {
  it('creates a profile (201, an 8-digit MEPID and a user name) and starts its onboarding workflow in Temporal', async () => {
    const created = await call('POST', '/profiles', { body: person() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ outcome: 'new-profile', mepid: expect.stringMatching(/^\d{8}$/), username: expect.any(String) });
    const handle = harness.temporal.client.workflow.getHandle(profileOnboardingWorkflowId(created.body.mepid));
    const described = await eventually(() => handle.describe(), (d) => d?.status.name === 'RUNNING');
    expect(described?.type).toBe('profileOnboarding');
  });

  it('the same person again: 200 exact-match, with neither MEPID nor user name given away', async () => {
    const p = person();
    expect((await call('POST', '/profiles', { body: p })).status).toBe(201);
    const again = await call('POST', '/profiles', { body: { ...p, contact: { ...p.contact, email: `other-${p.contact.email}` } } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'exact-match' });
    expect(again.body.username).toBeUndefined();
    expect(again.body.mepid).toBeUndefined();
  });

  it('refuses a malformed profile with 400 naming the fields, never a 500', async () => {
    const p = person();
    const bad = await call('POST', '/profiles', { body: { ...p, identity: { ...p.identity, dateOfBirth: 'yesterday' }, credentials: { ...p.credentials, passwordConfirmation: 'Other2026' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toEqual(expect.any(String));
    expect(JSON.stringify(bad.body.error.details)).toContain('dateOfBirth');
    expect((await call('POST', '/profiles', { body: { nonsense: true } })).status).toBe(400);
  });
});

describe('identity service: sign-in with the emailed code', () => {
  it('wrong password 401; right password 202 and a code by email; a wrong code 401; the mailed code opens a session', async () => {
    const p = person();
    const created = await call('POST', '/profiles', { body: p });
    const username: string = created.body.username;
    const wrong = await call('POST', '/internal/auth/sign-in', { body: { username, password: 'Wrong2026' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toEqual(expect.any(String));

    const first = await call('POST', '/internal/auth/sign-in', { body: { username, password: 'Teach2026' } });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ codeRequired: true, challengeId: expect.any(String) });
    expect(first.body.sentTo).not.toBe(p.contact.email); // masked
    const mail = await harness.mail.waitFor((m) => m.to.includes(p.contact.email) && isSignInCodeMail(m, username), 15_000);
    const code = sixDigitCodeIn(mail)!;

    const wrongCode = code === '000000' ? '111111' : '000000';
    const refused = await call('POST', '/internal/auth/sign-in/verify', { body: { challengeId: first.body.challengeId, code: wrongCode } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid-sign-in-code');
    const verified = await call('POST', '/internal/auth/sign-in/verify', { body: { challengeId: first.body.challengeId, code } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ sessionId: expect.any(String), mustChangePassword: false, principal: { role: 'educator' } });
    const me = await call('GET', '/me', { as: verified.body.principal });
    expect(me.status).toBe(200);
    expect(me.body.mepid).toBe(created.body.mepid);
    // The session is what the gateway checks on every request.
    expect((await call('POST', '/internal/sessions/lookup', { body: { sessionId: verified.body.sessionId } })).status).toBe(200);
  });
});

describe('identity service: who may call what', () => {
  it('answers only the gateway and workers: no internal token is 401 internal-token-required', async () => {
    const res = await call('POST', '/profiles', { body: person(), token: null });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('internal-token-required');
  });

  it('GET /me needs a signed-in person (401) and finds nobody for an unknown one (404)', async () => {
    expect((await call('GET', '/me')).status).toBe(401);
    const unknown = await call('GET', '/me', { as: { userId: '00000000-0000-4000-8000-000000000000', role: 'educator' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('profile-not-found');
  });

  it("refuses an educator a school's staff directory, the partial-match cases and the internal address lookup (403)", async () => {
    const educator = { userId: '00000000-0000-4000-8000-000000000001', role: 'educator' as const };
    const staff = await call('GET', '/organizations/MALDEN/staff', { as: educator });
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toEqual(expect.any(String));
    expect((await call('GET', '/partial-match-cases', { as: educator })).status).toBe(403);
    // Licensing's lookup of a mailing address answers the system only.
    expect((await call('GET', `/internal/profiles/${educator.userId}/mailing-address`, { as: educator })).status).toBe(403);
  });
});

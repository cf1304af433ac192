import { describe, expect, it } from '@jest/globals';
import { apiClient, caughtIds, newProfile, nextSignInCode } from './client';
import { useTestStack } from './stack';
import { createOrganization, createPerson, withIdentityDb } from './staff';

// Two gateway replicas, each trusting its session cache for 5 minutes: only the revocation feed
// can make a session ended through one of them refused by the other on the very next request.
const t = useTestStack({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', SESSION_CACHE_SECONDS: '300' }, { gateways: 2 });
const gateway = (n: 0 | 1) => apiClient(t.stack.gatewayUrls[n]!, { mail: t.stack.mail });

async function register() {
  const p = newProfile({ firstName: 'Cody', lastName: 'Second' });
  const res = await t.api.post('/profiles', p);
  expect(res.status).toBe(201);
  return { p, username: res.body.username as string, mepid: res.body.mepid as string };
}

/** The password step, and the code that it emailed. */
async function passwordStep(username: string, password: string, extra: object = {}) {
  const seen = caughtIds(t.stack.mail);
  const res = await t.api.post('/auth/sign-in', { username, password, ...extra });
  expect(res.status).toBe(202);
  return { challengeId: res.body.challengeId as string, body: res.body, code: await nextSignInCode(t.stack.mail, username, seen) };
}

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const verify = (challengeId: string, code: string, trustDevice?: boolean) => t.api.post('/auth/sign-in/verify', { challengeId, code, trustDevice });

describe('sign-in with an emailed code', () => {
  it('asks for the code after the right password, emails it, and opens the session once with it', async () => {
    const { p, username, mepid } = await register();
    const step = await passwordStep(username, p.credentials.password);
    expect(step.body).toEqual({ codeRequired: true, challengeId: expect.any(String), expiresAt: expect.any(String), sentTo: `${p.contact.email.slice(0, 2)}***@example.org` });
    const minutes = (Date.parse(step.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const mail = t.stack.mail.messages().find((m) => m.text.includes(step.code) && m.headers['x-elar-template'] === 'sign-in-code')!;
    expect(mail.to).toEqual([p.contact.email]);
    expect(mail.subject).not.toContain(step.code);

    const signedIn = await verify(step.challengeId, step.code);
    expect(signedIn.status).toBe(200);
    expect((await t.api.get('/me', signedIn.body.token)).body.mepid).toBe(mepid);
    const again = await verify(step.challengeId, step.code);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('sign-in-code-expired');

    const cs = await createPerson(t.stack.databaseUrls.identity, { role: 'CUSTOMER_SERVICE', password: 'Service2026' });
    const csToken = (await t.api.signIn(cs.username!, 'Service2026')).body.token;
    const audit = await t.api.get(`/audit-events?subjectMepid=${mepid}`, csToken);
    const actions = audit.body.events.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['sign-in-code.sent:succeeded', 'sign-in-code.verified:succeeded', 'sign-in-code.refused:expired-or-used', 'sign-in:succeeded']));
  });

  it('refuses a wrong code, and after five tries refuses even the right one', async () => {
    const { p, username } = await register();
    const step = await passwordStep(username, p.credentials.password);
    for (const left of [4, 3, 2, 1]) {
      const wrong = await verify(step.challengeId, otherThan(step.code));
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toMatchObject({ code: 'invalid-sign-in-code', details: { triesLeft: left } });
    }
    const fifth = await verify(step.challengeId, otherThan(step.code));
    expect(fifth.status).toBe(410);
    expect(fifth.body.error.code).toBe('sign-in-code-expired');
    expect((await verify(step.challengeId, step.code)).status).toBe(410);
    // A malformed code is a 400, not a try.
    expect((await verify(step.challengeId, '12ab')).body.error.code).toBe('validation-failed');
  });

  it('sends a new code on request after a cool-down; the old code stops working', async () => {
    const { p, username } = await register();
    const step = await passwordStep(username, p.credentials.password);
    const early = await t.api.post('/auth/sign-in/resend', { challengeId: step.challengeId });
    expect(early.status).toBe(429);
    expect(early.body.error.code).toBe('sign-in-code-cooldown');
    expect(early.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // A minute passes.
    await withIdentityDb(t.stack.databaseUrls.identity, (db) =>
      db.query(`UPDATE "SignInChallenge" SET "lastSentAt" = "lastSentAt" - interval '2 minutes' WHERE id = $1`, [step.challengeId]));
    const seen = caughtIds(t.stack.mail);
    const resent = await t.api.post('/auth/sign-in/resend', { challengeId: step.challengeId });
    expect(resent.status).toBe(202);
    expect(resent.body.sentTo).toBe(step.body.sentTo);
    const fresh = await nextSignInCode(t.stack.mail, username, seen);
    if (fresh !== step.code) expect((await verify(step.challengeId, step.code)).status).toBe(401);
    expect((await verify(step.challengeId, fresh)).status).toBe(200);
    expect((await t.api.post('/auth/sign-in/resend', { challengeId: 'no-such-challenge-id' })).status).toBe(410);
  });

  it('trusts a browser for 30 days when asked, until its owner forgets it or any password reset', async () => {
    const { p, username } = await register();
    const trusted = await t.api.signIn(username, p.credentials.password, { trustDevice: true });
    expect(trusted.status).toBe(200);
    const deviceToken = trusted.body.deviceToken as string;
    expect(deviceToken).toMatch(/^dt1\./);
    const direct = await t.api.post('/auth/sign-in', { username, password: p.credentials.password, deviceToken });
    expect(direct.status).toBe(200);
    expect(direct.body.token).toEqual(expect.any(String));
    // The token is bound to its account.
    const other = await register();
    expect((await t.api.post('/auth/sign-in', { username: other.username, password: other.p.credentials.password, deviceToken })).status).toBe(202);
    // A reset by hint answer (signed out) never skips the code, even on the trusted browser.
    const reset = await t.api.post('/recovery/password', {
      identity: { firstName: p.identity.firstName, lastName: p.identity.lastName, dateOfBirth: p.identity.dateOfBirth, ssnLast4: p.identity.ssnLast4, email: p.contact.email },
      hintAnswer: p.credentials.hintAnswer, newPassword: 'AfterReset2026', newPasswordConfirmation: 'AfterReset2026',
    });
    expect(reset.status).toBe(204);
    expect((await t.api.post('/auth/sign-in', { username, password: 'AfterReset2026', deviceToken })).status).toBe(202);
    // The owner can forget every trusted browser.
    const again = await t.api.signIn(username, 'AfterReset2026', { trustDevice: true });
    const forget = await t.api.call('DELETE', '/me/trusted-devices', { token: again.body.token });
    expect(forget.body).toEqual({ revoked: 1 });
    expect((await t.api.post('/auth/sign-in', { username, password: 'AfterReset2026', deviceToken: again.body.deviceToken })).status).toBe(202);
  });

  it('limits the codes emailed to one account in an hour', async () => {
    const { p, username } = await register();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.api.post('/auth/sign-in', { username, password: p.credentials.password })).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    const last = await t.api.post('/auth/sign-in', { username, password: p.credentials.password });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('sign-in-code-throttled');
  });
});

describe('ending sessions on every gateway at once', () => {
  it('a password change, a reset and an administrator reset are refused by the other gateway on its next request', async () => {
    const [one, two] = [gateway(0), gateway(1)];
    const { p, username } = await register();
    const signInTwice = async (password: string) => {
      const a = await one.signIn(username, password);
      const b = await one.signIn(username, password);
      expect((await two.get('/me', b.body.token)).status).toBe(200); // cached as active on gateway 2
      return [a.body.token as string, b.body.token as string] as const;
    };

    // 1. Password change through gateway 1.
    let [changer, other] = await signInTwice(p.credentials.password);
    const changed = await one.call('POST', '/me/password', { token: changer, body: { currentPassword: p.credentials.password, newPassword: 'Changed2026', newPasswordConfirmation: 'Changed2026' } });
    expect(changed.status).toBe(204);
    expect((await two.get('/me', other)).body.error?.code).toBe('session-ended');

    // 2. Reset by hint answer, signed out.
    [changer, other] = await signInTwice('Changed2026');
    const reset = await one.post('/recovery/password', {
      identity: { firstName: p.identity.firstName, lastName: p.identity.lastName, dateOfBirth: p.identity.dateOfBirth, ssnLast4: p.identity.ssnLast4, email: p.contact.email },
      hintAnswer: p.credentials.hintAnswer, newPassword: 'ResetHint2026', newPasswordConfirmation: 'ResetHint2026',
    });
    expect(reset.status).toBe(204);
    expect((await two.get('/me', other)).status).toBe(401);
    expect((await two.get('/me', changer)).status).toBe(401);

    // 3. A directory administrator's reset.
    const url = t.stack.databaseUrls.identity;
    const orgId = await createOrganization(url, `REV${Date.now() % 100000}`);
    const admin = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: orgId, password: 'Admin2026' });
    const member = await createPerson(url, { organizationId: orgId, password: 'Member2026' });
    const memberToken = (await one.signIn(member.username!, 'Member2026')).body.token;
    expect((await two.get('/me', memberToken)).status).toBe(200);
    const adminToken = (await one.signIn(admin.username!, 'Admin2026')).body.token;
    const org = (await one.get('/me', adminToken)).body.organization.code;
    expect((await one.post(`/organizations/${org}/staff/${member.mepid}/password-reset`, undefined, adminToken)).status).toBe(202);
    expect((await two.get('/me', memberToken)).body.error?.code).toBe('session-ended');
  });
});

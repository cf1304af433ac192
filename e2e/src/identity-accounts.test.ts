import { beforeAll, describe, expect, it } from '@jest/globals';
import { newProfile } from './client';
import { useTestStack } from './stack';
import { createOrganization, createPerson } from './staff';

const PII_KEY = 'e2e-identity-pii-key-accounts-01';
const t = useTestStack({ IDENTITY_PII_KEY: PII_KEY, SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' });

const signIn = (username: string, password: string) => t.api.signIn(username, password);

async function register(overrides: Parameters<typeof newProfile>[0] = {}) {
  const p = newProfile(overrides);
  const res = await t.api.post('/profiles', p);
  expect(res.status).toBe(201);
  return { p, username: res.body.username as string, mepid: res.body.mepid as string };
}

const recoveryIdentity = (p: ReturnType<typeof newProfile>) => ({
  firstName: p.identity.firstName, lastName: p.identity.lastName, dateOfBirth: p.identity.dateOfBirth,
  ssnLast4: p.identity.ssnLast4, email: p.contact.email,
});

describe('four-page profile drafts', () => {
  it('saves each page as it is submitted, resumes without echoing secrets, and makes one profile however often it is submitted', async () => {
    const p = newProfile({ firstName: 'Dora', lastName: 'Draft' });
    const draft = await t.api.post('/profile-drafts');
    expect(draft.status).toBe(201);
    const token = draft.body.draftToken as string;

    const bad = await t.api.call('PUT', `/profile-drafts/${token}/pages/identity`, { body: { ...p.identity, ssnLast4: '12' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'ssnLast4', code: 'invalid-format' })]);

    for (const page of ['identity', 'contact'] as const) {
      expect((await t.api.call('PUT', `/profile-drafts/${token}/pages/${page}`, { body: p[page] })).status).toBe(200);
    }
    const early = await t.api.post(`/profile-drafts/${token}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('draft-incomplete');

    await t.api.call('PUT', `/profile-drafts/${token}/pages/background`, { body: p.background });
    await t.api.call('PUT', `/profile-drafts/${token}/pages/credentials`, { body: p.credentials });
    const resumed = await t.api.get(`/profile-drafts/${token}`);
    expect(resumed.body.completedPages).toEqual(['identity', 'contact', 'background', 'credentials']);
    const shown = JSON.stringify(resumed.body);
    expect(shown).not.toContain(p.identity.dateOfBirth);
    expect(shown).not.toContain(p.identity.ssnLast4);
    expect(shown).not.toContain(p.credentials.password);

    const [a, b] = await Promise.all([t.api.post(`/profile-drafts/${token}/submit`), t.api.post(`/profile-drafts/${token}/submit`)]);
    const ok = [a, b].filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    const again = await t.api.post(`/profile-drafts/${token}/submit`);
    expect(again.body.mepid).toBe(ok[0]!.body.mepid);
    expect((await signIn(again.body.username, p.credentials.password)).status).toBe(200);
  });
});

describe('password rules', () => {
  it('refuses 5 characters and symbols, naming the rule', async () => {
    for (const [password, code] of [['abc12', 'password-too-short'], ['Teach2026!', 'password-invalid-characters']] as const) {
      const res = await t.api.post('/profiles', newProfile({ password }));
      expect(res.status).toBe(422);
      expect(res.body.error.details.map((d: { code: string }) => d.code)).toContain(code);
    }
  });

  it('treats passwords and user names as case-sensitive', async () => {
    const { p, username } = await register();
    expect((await signIn(username, p.credentials.password.toUpperCase())).status).toBe(401);
    expect((await signIn(username.toUpperCase(), p.credentials.password)).status).toBe(401);
    expect((await signIn(username, p.credentials.password)).status).toBe(200);
  });

  it('never accepts the user name or a password this account used before, and emails a notice on every change', async () => {
    const { p, username } = await register();
    const token = (await signIn(username, p.credentials.password)).body.token;
    const change = (current: string, next: string, tok = token) =>
      t.api.call('POST', '/me/password', { token: tok, body: { currentPassword: current, newPassword: next, newPasswordConfirmation: next } });
    expect((await change(p.credentials.password, 'Second2026')).status).toBe(204);
    await t.stack.mail.waitFor((m) => m.to.includes(p.contact.email) && m.subject.includes('password was changed'));
    // The change ended every session, this one too.
    expect((await t.api.get('/me', token)).body.error.code).toBe('session-ended');
    const token2 = (await signIn(username, 'Second2026')).body.token;
    const asUsername = await change('Second2026', username, token2);
    expect(asUsername.body.error.details[0].code).toBe('password-equals-username');
    const reused = await change('Second2026', p.credentials.password, token2);
    expect(reused.status).toBe(422);
    expect(reused.body.error.details[0].code).toBe('password-reused');
  });
});

describe('sign-in throttling', () => {
  it('gives an unknown user and a wrong password the same answer, and makes guesses wait longer and longer (never a lock)', async () => {
    const { p, username } = await register();
    const unknown = await signIn('nobody-here-123', 'Whatever1');
    const wrong = await signIn(username, 'Wrong12345');
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 3; i++) await signIn(username, 'Wrong12345');
    const delayed = await signIn(username, 'Wrong12345');
    expect(delayed.status).toBe(429);
    expect(delayed.body.error.code).toBe('sign-in-delayed');
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(2);
    // After the wait, the right password works.
    await new Promise((r) => setTimeout(r, Number(delayed.headers['retry-after']) * 1000 + 200));
    expect((await signIn(username, p.credentials.password)).status).toBe(200);
  });
});

describe('retrieve user name and reset password', () => {
  it('shows the user name after the hint answer, compared without regard to case or spaces', async () => {
    const { p, username } = await register();
    const q = await t.api.post('/recovery/hint-question', { identity: recoveryIdentity(p) });
    expect(q.body.hintQuestion).toBe(p.credentials.hintQuestion);
    const res = await t.api.post('/recovery/username', { identity: recoveryIdentity(p), hintAnswer: '  lincoln   ELEMENTARY ' });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(username);
  });

  it('never reveals whether an account exists', async () => {
    const { p } = await register();
    const stranger = { ...recoveryIdentity(p), email: 'someone.else@example.org' };
    const q = await t.api.post('/recovery/hint-question', { identity: stranger });
    expect(q.status).toBe(200);
    expect(typeof q.body.hintQuestion).toBe('string');
    const wrongAnswer = await t.api.post('/recovery/username', { identity: recoveryIdentity(p), hintAnswer: 'nope' });
    const noAccount = await t.api.post('/recovery/username', { identity: stranger, hintAnswer: 'nope' });
    expect(wrongAnswer.status).toBe(400);
    expect(noAccount.body).toEqual(wrongAnswer.body);
    expect((await t.api.post('/recovery/code', { identity: stranger })).status).toBe(202);
  });

  it('resets by an emailed one-time code that works once', async () => {
    const { p, username } = await register();
    expect((await t.api.post('/recovery/code', { identity: recoveryIdentity(p) })).status).toBe(202);
    const mail = await t.stack.mail.waitFor((m) => m.to.includes(p.contact.email) && m.subject.includes('reset code'));
    const code = /code to reset your ELAR password is (\d{6})/.exec(mail.text)![1]!;
    const body = { email: p.contact.email, code, newPassword: 'ByCode2026', newPasswordConfirmation: 'ByCode2026' };
    expect((await t.api.post('/recovery/code/password', body)).status).toBe(204);
    expect((await signIn(username, 'ByCode2026')).status).toBe(200);
    const replay = await t.api.post('/recovery/code/password', { ...body, newPassword: 'Again2026', newPasswordConfirmation: 'Again2026' });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('invalid-code');
  });
});

describe('directory administrators', () => {
  let orgCode: string;
  let otherCode: string;
  let adminToken: string;

  beforeAll(async () => {
    const url = t.stack.databaseUrls.identity;
    orgCode = `ACC${Date.now() % 100000}`;
    otherCode = `OTR${Date.now() % 100000}`;
    const orgId = await createOrganization(url, orgCode);
    await createOrganization(url, otherCode);
    const admin = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: orgId, password: 'Admin2026' });
    adminToken = (await signIn(admin.username!, 'Admin2026')).body.token;
  });

  it('adds a staff member, who completes the profile; a reset forces a new password at next sign-in', async () => {
    const staff = newProfile({ firstName: 'Sasha', lastName: 'Staffer' });
    const added = await t.api.post(`/organizations/${orgCode}/staff`, {
      firstName: 'Sasha', lastName: 'Staffer', dateOfBirth: staff.identity.dateOfBirth, ssnLast4: staff.identity.ssnLast4,
    }, adminToken);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ hasAccount: false, organization: { code: orgCode } });

    const completed = await t.api.post('/profiles', staff);
    expect(completed.body).toMatchObject({ outcome: 'pre-existing-completed', mepid: added.body.mepid });

    const reset = await t.api.post(`/organizations/${orgCode}/staff/${added.body.mepid}/password-reset`, undefined, adminToken);
    expect(reset.status).toBe(202);
    expect(JSON.stringify(reset.body)).not.toMatch(/password:/i);
    const mail = await t.stack.mail.waitFor((m) => m.to.includes(staff.contact.email) && m.subject.includes('temporary password'));
    const temporary = /Temporary password: (\S+)/.exec(mail.text)![1]!;
    expect((await signIn(completed.body.username, staff.credentials.password)).status).toBe(401);

    const session = await signIn(completed.body.username, temporary);
    expect(session.body.mustChangePassword).toBe(true);
    const blocked = await t.api.get('/profile-drafts/whatever', session.body.token);
    expect(blocked.status).not.toBe(403); // public routes stay public
    const gated = await t.api.post('/partial-match-cases/PM-1/resolution', { action: 'reject' }, session.body.token);
    expect(gated.status).toBe(403);
    const changed = await t.api.call('POST', '/me/password', {
      token: session.body.token, body: { currentPassword: temporary, newPassword: 'MyOwn2026', newPasswordConfirmation: 'MyOwn2026' },
    });
    expect(changed.status).toBe(204);
    const fresh = await signIn(completed.body.username, 'MyOwn2026');
    expect(fresh.body.mustChangePassword).toBe(false);
  });

  it('cannot reach another organization (403), and its actions are in the audit trail', async () => {
    expect((await t.api.get(`/organizations/${otherCode}/staff`, adminToken)).status).toBe(403);
    expect((await t.api.post(`/organizations/${otherCode}/staff`, { firstName: 'X', lastName: 'Y', dateOfBirth: '1990-01-01', ssnLast4: '1234' }, adminToken)).status).toBe(403);
    const cs = await createPerson(t.stack.databaseUrls.identity, { role: 'CUSTOMER_SERVICE', password: 'Service2026' });
    const csToken = (await signIn(cs.username!, 'Service2026')).body.token;
    expect((await t.api.get(`/organizations/${otherCode}/staff`, csToken)).status).toBe(200);
    const audit = await t.api.get('/audit-events?action=staff.added', csToken);
    expect(audit.status).toBe(200);
    expect(audit.body.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.body)).not.toMatch(/\d{4}-\d{2}-\d{2}T00:00:00/);
  });
});

describe('authorization matrix', () => {
  const ops: [string, string, string, unknown?][] = [
    ['list staff', 'GET', '/organizations/{org}/staff'],
    ['add staff', 'POST', '/organizations/{org}/staff', { firstName: 'Matrix', lastName: 'Person', dateOfBirth: '1999-09-09', ssnLast4: '9999' }],
    ['reset staff password', 'POST', '/organizations/{org}/staff/00000000/password-reset'],
    ['list partial-match cases', 'GET', '/partial-match-cases'],
    ['decide a case', 'POST', '/partial-match-cases/PM-0000-000000/resolution', { action: 'reject' }],
    ['read the audit trail', 'GET', '/audit-events'],
    ['read my profile', 'GET', '/me'],
  ];
  // Expected status per role: 403 when the role may not; otherwise what the operation answers (404 for made-up ids).
  const expected: Record<string, Record<string, number>> = {
    'signed-out': { 'list staff': 401, 'add staff': 401, 'reset staff password': 401, 'list partial-match cases': 401, 'decide a case': 401, 'read the audit trail': 401, 'read my profile': 401 },
    EDUCATOR: { 'list staff': 403, 'add staff': 403, 'reset staff password': 403, 'list partial-match cases': 403, 'decide a case': 403, 'read the audit trail': 403, 'read my profile': 200 },
    EVALUATOR: { 'list staff': 403, 'add staff': 403, 'reset staff password': 403, 'list partial-match cases': 403, 'decide a case': 403, 'read the audit trail': 403, 'read my profile': 200 },
    OPERATOR: { 'list staff': 403, 'add staff': 403, 'reset staff password': 403, 'list partial-match cases': 403, 'decide a case': 403, 'read the audit trail': 200, 'read my profile': 200 },
    DIRECTORY_ADMIN: { 'list staff': 200, 'add staff': 201, 'reset staff password': 404, 'list partial-match cases': 200, 'decide a case': 404, 'read the audit trail': 403, 'read my profile': 200 },
    CUSTOMER_SERVICE: { 'list staff': 200, 'add staff': 409, 'reset staff password': 404, 'list partial-match cases': 200, 'decide a case': 404, 'read the audit trail': 200, 'read my profile': 200 },
  };

  it('lets every role do exactly what it may', async () => {
    const url = t.stack.databaseUrls.identity;
    const org = `MTX${Date.now() % 100000}`;
    const orgId = await createOrganization(url, org);
    const actual: Record<string, Record<string, number>> = {};
    for (const role of Object.keys(expected)) {
      let token: string | undefined;
      if (role !== 'signed-out') {
        const person = await createPerson(url, { role, organizationId: role === 'DIRECTORY_ADMIN' ? orgId : undefined, password: 'Matrix2026' });
        token = (await signIn(person.username!, 'Matrix2026')).body.token;
      }
      actual[role] = {};
      for (const [name, method, path, body] of ops) {
        const res = await t.api.call(method, path.replace('{org}', org), { token, body });
        actual[role][name] = res.status;
      }
    }
    expect(actual).toEqual(expected);
  });
});

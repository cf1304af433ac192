import { describe, expect, it } from '@jest/globals';
import { newProfile } from './client';
import { useTestStack } from './stack';
import { findWorkflows, waitForClose } from './temporal';
import { createOrganization, createPerson } from './staff';

const PII_KEY = 'e2e-identity-pii-key-0123456789';
const t = useTestStack({ IDENTITY_PII_KEY: PII_KEY });

async function signIn(username: string, password: string) {
  const res = await t.api.signIn(username, password);
  expect(res.status).toBe(200);
  return res.body.token as string;
}

describe('profile outcomes that meet an existing record', () => {
  it('completes a pre-existing, administrator-made record and gives the user name online', async () => {
    const url = t.stack.databaseUrls.identity;
    const record = await createPerson(url, { firstName: 'Pat', lastName: 'Prior', dateOfBirth: '1991-02-03', ssnLast4: '7777', piiKey: PII_KEY });
    const res = await t.api.post('/profiles', newProfile({ firstName: 'Pat', lastName: 'Prior', dateOfBirth: '1991-02-03', ssnLast4: '7777' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'pre-existing-completed', mepid: record.mepid });
    expect(res.body.username).toMatch(/^pprior\d{4}$/);
  });

  it('opens a partial-match case the directory administrator decides, and the educator gets a profile', async () => {
    const url = t.stack.databaseUrls.identity;
    const orgId = await createOrganization(url, `ORG${Date.now() % 100000}`);
    const otherOrg = await createOrganization(url, `OTH${Date.now() % 100000}`);
    const admin = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: orgId, password: 'Admin2026', email: `admin${Date.now()}@district.example` });
    const outsider = await createPerson(url, { role: 'DIRECTORY_ADMIN', organizationId: otherOrg, password: 'Admin2026' });
    await createPerson(url, { organizationId: orgId, firstName: 'Jordan', lastName: 'Rivera', dateOfBirth: '1984-06-07', ssnLast4: '2468', piiKey: PII_KEY });

    const submission = newProfile({ firstName: 'Jordan', lastName: 'Rivera-Smith', dateOfBirth: '1984-06-07', ssnLast4: '2468' });
    const res = await t.api.post('/profiles', submission);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('partial-match');
    expect(res.body.caseNumber).toMatch(/^PM-\d{4}-\d{6}$/);
    expect(res.body.mepid).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('Rivera"');
    const caseNumber = res.body.caseNumber as string;

    const toEducator = await t.stack.mail.waitFor((m) => m.to.includes(submission.contact.email) && m.subject.includes(caseNumber));
    expect(toEducator.text).not.toContain('1984');
    await t.stack.mail.waitFor((m) => m.subject.includes(caseNumber) && m.subject.includes('needs your decision'));

    const adminToken = await signIn(admin.username!, 'Admin2026');
    const list = await t.api.get('/partial-match-cases', adminToken);
    expect(list.body.cases.map((c: { caseNumber: string }) => c.caseNumber)).toContain(caseNumber);

    const outsiderToken = await signIn(outsider.username!, 'Admin2026');
    const refused = await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'different-people' }, outsiderToken);
    expect(refused.status).toBe(403);
    const educatorToken = await signIn((await createPerson(url, { password: 'Teach2026' })).username!, 'Teach2026');
    expect((await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'reject' }, educatorToken)).status).toBe(403);
    expect((await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'merge' }, adminToken)).status).toBe(400);

    const decided = await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'different-people' }, adminToken);
    expect(decided.status).toBe(200);
    // The answer shows the status the decision leads to, not the one before it.
    expect(decided.body).toMatchObject({ caseNumber, accepted: true, status: 'resolved-different-people' });
    const again = await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'reject' }, adminToken);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('case-already-resolved');

    const outcome = await t.stack.mail.waitFor((m) => m.to.includes(submission.contact.email) && m.subject.includes('decided'), 60_000);
    const username = /user name (\S+) /.exec(outcome.text)?.[1];
    expect(username).toBeDefined();
    // Once the case's workflow has ended, a late decision is still a clear 409, never a 500.
    await waitForClose(t.stack.temporalAddress, `partial-match:${caseNumber}`);
    const late = await t.api.post(`/partial-match-cases/${caseNumber}/resolution`, { action: 'reject' }, adminToken);
    expect([late.status, late.body.error.code]).toEqual([409, 'case-already-resolved']);
    const token = await signIn(username!, submission.credentials.password);
    expect((await t.api.get('/me', token)).body.lastName).toBe('Rivera-Smith');

    const found = await findWorkflows(t.stack.temporalAddress, `CaseNumber = '${caseNumber}' AND OrganizationId = '${orgId}'`);
    expect(found).toEqual([`partial-match:${caseNumber}`]);
  });
});

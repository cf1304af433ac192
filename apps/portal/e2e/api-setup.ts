import { PDF, mailedCode, type Person } from './support';

/** Set-up through the public API (as an API client, with a bearer token), for tests whose subject is a later step. */
async function request(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${process.env.PORTAL_URL}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { status: res.status, body: json as Record<string, unknown> };
}

export async function createEducatorByApi(p: Person) {
  const created = await request('POST', '/profiles', {
    identity: { firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, ssnLast4: p.ssnLast4 },
    contact: { email: p.email, address: { line1: '1 School St', city: 'Malden', state: 'MA', postalCode: '02148' } },
    credentials: { password: p.password, passwordConfirmation: p.password, hintQuestion: 'First school I taught at?', hintAnswer: 'Lincoln' },
  });
  return created.body.username as string;
}

async function bearer(username: string, password: string, email: string) {
  const started = Date.now() - 1000;
  const r = await request('POST', '/auth/sign-in', { username, password });
  if (r.status === 200) return r.body.token as string;
  const code = await mailedCode(email, 'sign-in-code', started);
  const v = await request('POST', '/auth/sign-in/verify', { challengeId: r.body.challengeId, code });
  return v.body.token as string;
}

/** An educator's Provisional application, documents uploaded, paid and submitted (Ready for Review). */
export async function submittedApplication(p: Person) {
  const username = await createEducatorByApi(p);
  const token = await bearer(username, p.password, p.email);
  const app = await request('POST', '/applications', { items: [{ kind: 'license', licenseType: 'provisional', field: 'mathematics', gradeLevel: '8-12' }] }, token);
  const n = app.body.applicationNumber as string;
  const checklist = (await request('GET', `/applications/${n}/checklist`, undefined, token)).body.checklist as { id: string }[];
  for (const c of checklist) {
    await request('POST', `/applications/${n}/documents`, { requirementId: c.id, fileName: `${c.id}.pdf`, contentBase64: PDF.toString('base64') }, token);
  }
  await request('POST', `/applications/${n}/payments`, { idempotencyKey: `setup-${n}`, card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } }, token);
  await request('POST', `/applications/${n}/submit`, undefined, token);
  return { username, applicationNumber: n, requirements: checklist.map((c) => c.id) };
}

import { randomInt } from 'node:crypto';
import { request } from 'undici';
import { isSignInCodeMail, sixDigitCodeIn, type MailCatcher } from '@elar/devstack';
import { contractViolation } from './contract';

/** A parsed JSON answer: tests read the fields they assert on, and `contractViolation` checks its shape against the OpenAPI document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any route; the contract check above types it at run time
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Waits for the next sign-in code emailed for `username` (one not among `seen`, the ids caught
 * before the request), as a person reads it from their inbox.
 */
export async function nextSignInCode(mail: MailCatcher, username: string, seen: Set<string>): Promise<string> {
  const m = await mail.waitFor((x) => !seen.has(x.id) && isSignInCodeMail(x, username), 15_000);
  return sixDigitCodeIn(m) ?? '';
}

/**
 * Repeats a call refused with 503 `busy` (identity bounds password hashing on purpose) after the
 * answer's Retry-After, as a well-behaved client does; any other answer is returned as it is.
 */
export async function retryingBusy<T>(call: () => Promise<ApiResponse<T>>, tries = 6): Promise<ApiResponse<T>> {
  for (let i = 1; ; i++) {
    const res = await call();
    if (res.status !== 503 || (res.body as { error?: { code?: string } })?.error?.code !== 'busy' || i >= tries) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers['retry-after'] ?? 2) * 1000));
  }
}

export const caughtIds = (mail: MailCatcher) => new Set(mail.messages().map((m) => m.id));

/**
 * A tiny client for the public API, as any HTTP client would use it; `onResponse` sees every answer.
 * With the stack's mail catcher, `signIn` goes through both steps as a person does: password, then
 * the code from the email.
 */
export function apiClient(baseUrl: string, opts: { mail?: MailCatcher; onResponse?: (method: string, path: string, status: number) => void } = {}) {
  const { mail, ...hooks } = opts;
  async function call<T = Json>(method: string, path: string, opts: { body?: unknown; token?: string; raw?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    } else if (opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const res = await request(`${baseUrl}/api/v1${path}`, { method: method as 'GET', headers, body });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    hooks.onResponse?.(method, path, res.statusCode);
    const violation = contractViolation(method, path, res.statusCode, res.headers['content-type'] as string | undefined, parsed);
    if (violation) throw new Error(`OpenAPI contract: ${violation}`);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }
  const post = <T = Json>(path: string, body?: unknown, token?: string) => call<T>('POST', path, { body, token });

  /**
   * Signs in through the emailed code step (when the gateway asks for it). Answers the final
   * response: 200 with the token, or the password step's refusal (401, 429 ...) unchanged.
   */
  async function signIn(username: string, password: string, opts: { deviceToken?: string; trustDevice?: boolean } = {}): Promise<ApiResponse> {
    if (!mail) throw new Error('apiClient needs the mail catcher to read sign-in codes');
    const seen = caughtIds(mail);
    const first = await post('/auth/sign-in', { username, password, ...(opts.deviceToken ? { deviceToken: opts.deviceToken } : {}) });
    if (first.status !== 202) return first;
    const code = await nextSignInCode(mail, username, seen);
    return post('/auth/sign-in/verify', { challengeId: first.body.challengeId, code, ...(opts.trustDevice ? { trustDevice: true } : {}) });
  }

  return {
    call,
    get: <T = Json>(path: string, token?: string) => call<T>('GET', path, { token }),
    post,
    signIn,
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

let counter = 0;
/**
 * A valid four-page profile. Birth date and SSN digits are random (about 180 million combinations),
 * so two generated people never match each other by accident; override them to make a match.
 */
export function newProfile(overrides: { firstName?: string; lastName?: string; dateOfBirth?: string; ssnLast4?: string; email?: string; password?: string } = {}) {
  counter++;
  const n = randomInt(0, 1_000_000_000);
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const year = 1950 + (Math.floor(n / 336) % 50);
  const password = overrides.password ?? 'Teach2026';
  return {
    identity: {
      firstName: overrides.firstName ?? 'Ada',
      lastName: overrides.lastName ?? `Lovelace`,
      priorNames: [],
      dateOfBirth: overrides.dateOfBirth ?? `${year}-${month}-${day}`,
      ssnLast4: overrides.ssnLast4 ?? String(Math.floor(n / 16_800) % 10_000).padStart(4, '0'),
    },
    contact: {
      email: overrides.email ?? `educator${Date.now()}${counter}@example.org`,
      phone: '617-555-0100',
      address: { line1: '75 Pleasant St', city: 'Malden', state: 'MA', postalCode: '02148' },
    },
    background: { organizationCodes: [], priorLicenseNumbers: [] },
    credentials: { password, passwordConfirmation: password, hintQuestion: 'Name of my first school?', hintAnswer: 'Lincoln Elementary' },
  };
}

import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { cookiesSecure, csrfSatisfied, csrfTokenFor, sessionCookie } from './browser-session';

const req = (r: { method?: string; hostname?: string; secure?: boolean; headers?: Record<string, string> }) =>
  ({ method: r.method ?? 'GET', hostname: r.hostname ?? '127.0.0.1', secure: r.secure ?? false, headers: r.headers ?? {}, header: (n: string) => r.headers?.[n.toLowerCase()] }) as unknown as Request;

describe('browser sessions', () => {
  it('cookies are Secure in production and off loopback; only plain http to loopback outside production is not', () => {
    expect(cookiesSecure(req({}), 'development')).toBe(false);
    expect(cookiesSecure(req({ hostname: 'localhost' }), 'test')).toBe(false);
    expect(cookiesSecure(req({}), 'production')).toBe(true);
    expect(cookiesSecure(req({ hostname: 'elar.example.org' }), 'development')).toBe(true);
    expect(cookiesSecure(req({ secure: true }), 'development')).toBe(true);
  });

  it('reads the session from either cookie name', () => {
    expect(sessionCookie(req({ headers: { cookie: 'a=1; __Host-elar-session=tok1' } }))).toBe('tok1');
    expect(sessionCookie(req({ headers: { cookie: 'elar-session=tok2' } }))).toBe('tok2');
    expect(sessionCookie(req({}))).toBeUndefined();
  });

  it('a state-changing request needs the CSRF token bound to its session; reads do not', () => {
    const token = csrfTokenFor('k'.repeat(32), 'sid-1');
    expect(csrfSatisfied(req({ method: 'GET' }), 'k'.repeat(32), 'sid-1')).toBe(true);
    expect(csrfSatisfied(req({ method: 'POST' }), 'k'.repeat(32), 'sid-1')).toBe(false);
    expect(csrfSatisfied(req({ method: 'POST', headers: { 'x-csrf-token': token } }), 'k'.repeat(32), 'sid-1')).toBe(true);
    // A token of another session (say, planted by another site) does not pass.
    expect(csrfSatisfied(req({ method: 'DELETE', headers: { 'x-csrf-token': csrfTokenFor('k'.repeat(32), 'sid-2') } }), 'k'.repeat(32), 'sid-1')).toBe(false);
  });
});

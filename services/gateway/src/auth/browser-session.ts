import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';

/**
 * Sessions for the browser portal: the same signed token API clients send as a bearer header, kept
 * instead in an httpOnly, SameSite=Strict cookie the page's scripts cannot read, with a CSRF token
 * the page echoes in a header (signed double submit: the token is an HMAC of the session id, so a
 * cookie planted by another site cannot forge it). API clients keep using `Authorization: Bearer`.
 */
export const SESSION_TRANSPORT_HEADER = 'x-elar-session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** `__Host-` names (Secure, Path=/, no Domain: no subdomain can set or shadow them) whenever cookies are Secure. */
const names = (secure: boolean) =>
  secure ? { session: '__Host-elar-session', csrf: '__Host-elar-csrf', device: '__Host-elar-device' } : { session: 'elar-session', csrf: 'elar-csrf', device: 'elar-device' };

/**
 * Secure everywhere except plain http to a loopback address outside production: `npm start` and the
 * tests serve http://127.0.0.1, where a Secure cookie would be dropped by browsers that do not treat
 * 127.0.0.1 as a secure origin, and where nothing crosses a network.
 */
export function cookiesSecure(req: Request, nodeEnv: string): boolean {
  return nodeEnv === 'production' || req.secure || !LOOPBACK.has(req.hostname);
}

/** The portal asks for a cookie session with `x-elar-session: cookie` on sign-in. */
export const wantsCookieSession = (req: Request) => req.header(SESSION_TRANSPORT_HEADER) === 'cookie';

export const csrfTokenFor = (key: string, sid: string) => createHmac('sha256', key).update(`csrf:${sid}`).digest('base64url');

export function setSessionCookies(res: Response, opts: { token: string; sid: string; expiresAt: string; key: string; secure: boolean }) {
  const n = names(opts.secure);
  const maxAge = Math.max(0, Date.parse(opts.expiresAt) - Date.now());
  res.cookie(n.session, opts.token, { httpOnly: true, secure: opts.secure, sameSite: 'strict', path: '/', maxAge });
  res.cookie(n.csrf, csrfTokenFor(opts.key, opts.sid), { httpOnly: false, secure: opts.secure, sameSite: 'strict', path: '/', maxAge });
}

export function clearSessionCookies(res: Response, secure: boolean) {
  const n = names(secure);
  for (const name of [n.session, n.csrf]) res.clearCookie(name, { path: '/', secure, sameSite: 'strict' });
}

function readCookie(req: IncomingMessage, which: 'session' | 'device'): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const jar = parseCookies(header);
  return jar[names(true)[which]] ?? jar[names(false)[which]];
}

/** The session token from the cookie, if the request carries one (either name). */
export const sessionCookie = (req: IncomingMessage) => readCookie(req, 'session');

/**
 * "Trust this browser": the device token identity issues at the code step, kept in an httpOnly cookie
 * for its lifetime (`dt1.<id>.<expiresAtMs>.<mac>`) and sent back with the next portal sign-in, so
 * page scripts never hold it. Sign-out keeps it (trust outlives a session); a password change revokes it.
 */
export const deviceCookie = (req: Request) => readCookie(req, 'device');

export function setDeviceCookie(res: Response, token: string, secure: boolean) {
  const exp = Number(token.split('.')[2]);
  const maxAge = Number.isFinite(exp) ? Math.max(0, exp - Date.now()) : 30 * 86_400_000;
  res.cookie(names(secure).device, token, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge });
}

/** True when a cookie-authenticated request may change state: a safe method, or the right CSRF header. */
export function csrfSatisfied(req: IncomingMessage, key: string, sid: string): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
  const header = req.headers[CSRF_HEADER];
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(csrfTokenFor(key, sid));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Access } from '@elar/api';
import { forbidden, unauthorized } from '@elar/errors';
import type { Principal } from '@elar/http';
import { csrfSatisfied, sessionCookie } from './browser-session';
import type { SessionCache } from './session-cache';
import { createTokenVerifier, type TokenPayload } from './tokens';

export type AuthedRequest = Request & { session?: TokenPayload; viaCookie?: boolean };

const bearer = (req: IncomingMessage) => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

/**
 * Reads the caller's session, if any (local signature check, cached session check). A bearer token
 * that is invalid or ended is refused (401); a browser cookie that is invalid or ended is ignored
 * (the request is anonymous, so public pages keep working and protected routes answer 401). A cookie
 * session must send the CSRF header on every state-changing request (403).
 */
export function createSessionReader(key: string, sessions: SessionCache) {
  const verifyToken = createTokenVerifier(key);
  return async (req: IncomingMessage): Promise<TokenPayload | undefined> => {
    const fromHeader = bearer(req);
    const token = fromHeader ?? sessionCookie(req);
    if (!token) return undefined;
    const viaCookie = !fromHeader;
    const payload = verifyToken(token);
    if (!payload) {
      if (viaCookie) return undefined;
      throw unauthorized('invalid-token', 'Your session is not valid; sign in again.');
    }
    if (!(await sessions.isActive(payload.sid))) {
      if (viaCookie) return undefined;
      throw unauthorized('session-ended', 'Your session has ended; sign in again.');
    }
    if (viaCookie && !csrfSatisfied(req, key, payload.sid)) {
      throw forbidden('csrf-token-invalid', 'This request did not come from the portal page; reload the page and try again.');
    }
    return payload;
  };
}
export type SessionReader = ReturnType<typeof createSessionReader>;

/** The session reader as Express middleware (the gateway's own routes): `req.session`. */
export const authenticate =
  (readSession: SessionReader): RequestHandler =>
  (req, _res, next) =>
    void readSession(req).then((session) => {
      (req as AuthedRequest).session = session;
      next();
    }, next);

/** What a person whose password an administrator reset may do before choosing a new one. */
const ALLOWED_BEFORE_CHANGE = new Set(['POST /me/password', 'GET /me']);

/**
 * A route's access rule: 401 when sign-in is needed, 403 when the role may not, or while a reset
 * password must be changed first. `route` is `METHOD /path` as in the API table.
 */
export function checkAccess(access: Access, principal: Principal | undefined, route: string): void {
  if (access === 'public') return;
  if (!principal) throw unauthorized();
  if (access !== 'signed-in' && !access.includes(principal.role)) throw forbidden();
  if (principal.mustChangePassword && !ALLOWED_BEFORE_CHANGE.has(route)) {
    throw forbidden('password-change-required', 'Choose a new password first (POST /api/v1/me/password).');
  }
}

/** Drops the caller's cached session once the response succeeds (the service has ended it). */
export function forgetSessionOnSuccess(sid: string | undefined, res: ServerResponse, sessions: SessionCache): void {
  if (!sid) return;
  res.on('finish', () => {
    if (res.statusCode < 300) sessions.forget(sid);
  });
}

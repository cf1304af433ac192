import type { Request, RequestHandler, Response } from 'express';
import type { Access } from '@elar/api';
import { forbidden, unauthorized } from '@elar/errors';
import type { Principal } from '@elar/http';
import { csrfSatisfied, sessionCookie } from './browser-session';
import type { SessionCache } from './session-cache';
import { createTokenVerifier, type TokenPayload } from './tokens';

export type AuthedRequest = Request & { session?: TokenPayload; viaCookie?: boolean };

const bearer = (req: Request) => {
  const h = req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

/**
 * Reads the session if present (local signature check, cached session check). A bearer token that is
 * invalid is refused; a browser cookie that is invalid or ended is ignored (the request is anonymous,
 * so public pages keep working and protected routes answer 401). A cookie session must send the CSRF
 * header on every state-changing request.
 */
export function authenticate(key: string, sessions: SessionCache): RequestHandler {
  const verifyToken = createTokenVerifier(key);
  return async (req, _res, next) => {
    const fromHeader = bearer(req);
    const token = fromHeader ?? sessionCookie(req);
    if (!token) return next();
    const viaCookie = !fromHeader;
    const payload = verifyToken(token);
    if (!payload) return next(viaCookie ? undefined : unauthorized('invalid-token', 'Your session is not valid; sign in again.'));
    try {
      if (!(await sessions.isActive(payload.sid))) return next(viaCookie ? undefined : unauthorized('session-ended', 'Your session has ended; sign in again.'));
    } catch (err) {
      return next(err);
    }
    if (viaCookie && !csrfSatisfied(req, key, payload.sid)) {
      return next(forbidden('csrf-token-invalid', 'This request did not come from the portal page; reload the page and try again.'));
    }
    Object.assign(req as AuthedRequest, { session: payload, viaCookie });
    next();
  };
}

/** What a person whose password an administrator reset may do before choosing a new one. */
const ALLOWED_BEFORE_CHANGE = new Set(['POST /me/password', 'GET /me']);

/** Enforces a route's access rule: 401 when sign-in is needed, 403 when the role may not. */
export function authorize(access: Access): RequestHandler {
  return (req, _res, next) => {
    if (access === 'public') return next();
    const principal: Principal | undefined = (req as AuthedRequest).session?.p;
    if (!principal) return next(unauthorized());
    if (access !== 'signed-in' && !access.includes(principal.role)) return next(forbidden());
    if (principal.mustChangePassword && !ALLOWED_BEFORE_CHANGE.has(`${req.method} ${req.route?.path}`)) {
      return next(forbidden('password-change-required', 'Choose a new password first (POST /api/v1/me/password).'));
    }
    next();
  };
}

/** Drops the caller's cached session once the response succeeds (the service has ended it). */
export function forgetSessionOnSuccess(req: Request, res: Response, sessions: SessionCache): void {
  const sid = (req as AuthedRequest).session?.sid;
  if (!sid) return;
  res.on('finish', () => {
    if (res.statusCode < 300) sessions.forget(sid);
  });
}

import type { Request, RequestHandler } from 'express';
import type { Access } from '@elar/api';
import { forbidden, unauthorized } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { SessionCache } from './session-cache';
import { verifyToken, type TokenPayload } from './tokens';

export type AuthedRequest = Request & { session?: TokenPayload };

const bearer = (req: Request) => {
  const h = req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

/** Reads the token if present (local signature check, cached session check); never throws. */
export function authenticate(key: string, sessions: SessionCache): RequestHandler {
  return async (req, _res, next) => {
    const token = bearer(req);
    if (!token) return next();
    const payload = verifyToken(key, token);
    if (!payload) return next(unauthorized('invalid-token', 'Your session is not valid; sign in again.'));
    try {
      if (!(await sessions.isActive(payload.sid))) return next(unauthorized('session-ended', 'Your session has ended; sign in again.'));
    } catch (err) {
      return next(err);
    }
    (req as AuthedRequest).session = payload;
    next();
  };
}

/** Enforces a route's access rule: 401 when sign-in is needed, 403 when the role may not. */
export function authorize(access: Access): RequestHandler {
  return (req, _res, next) => {
    if (access === 'public') return next();
    const principal: Principal | undefined = (req as AuthedRequest).session?.p;
    if (!principal) return next(unauthorized());
    if (access !== 'signed-in' && !access.includes(principal.role)) return next(forbidden());
    next();
  };
}

import express, { type Router } from 'express';
import { signInRequest } from '@elar/api';
import { parse, type Principal, type ServiceClient } from '@elar/http';
import type { AuthedRequest } from './auth/authorize';
import { clearSessionCookies, cookiesSecure, setSessionCookies, wantsCookieSession } from './auth/browser-session';
import type { SessionCache } from './auth/session-cache';
import { signToken } from './auth/tokens';

interface SignInResult {
  sessionId: string;
  expiresAt: string;
  principal: Principal;
  mustChangePassword: boolean;
  profile: unknown;
}

interface SessionDeps { identity: ServiceClient; signingKey: string; sessions: SessionCache; signInLimiter: express.RequestHandler; nodeEnv: string }

/**
 * Answers a successful sign-in: API clients get the bearer token in the body; the portal (which asks
 * with `x-elar-session: cookie`) gets it as an httpOnly cookie plus a CSRF cookie, and no token in the body.
 */
function respondWithSession(req: express.Request, res: express.Response, deps: SessionDeps, result: SignInResult, extra: Record<string, unknown> = {}) {
  const token = signToken(deps.signingKey, { sid: result.sessionId, p: result.principal, exp: Date.parse(result.expiresAt) });
  const body = { expiresAt: result.expiresAt, mustChangePassword: result.mustChangePassword, profile: result.profile, ...extra };
  if (!wantsCookieSession(req)) return res.json({ token, ...body });
  setSessionCookies(res, { token, sid: result.sessionId, expiresAt: result.expiresAt, key: deps.signingKey, secure: cookiesSecure(req, deps.nodeEnv) });
  res.json(body);
}

/** Sign-in and sign-out: identity checks the credentials, the gateway issues and revokes the token. */
export function sessionRoutes(deps: SessionDeps): Router {
  const router = express.Router();
  router.post('/auth/sign-in', deps.signInLimiter, express.json({ limit: '10kb' }), async (req, res) => {
    const body = parse(signInRequest, req.body);
    const { body: result } = await deps.identity.post<SignInResult>('/internal/auth/sign-in', body, { headers: { 'x-client-ip': req.ip ?? 'unknown' } });
    respondWithSession(req, res, deps, result);
  });
  router.post('/auth/sign-out', async (req, res) => {
    const sid = (req as AuthedRequest).session?.sid;
    if (sid) {
      await deps.identity.delete(`/internal/sessions/${encodeURIComponent(sid)}`);
      deps.sessions.forget(sid);
    }
    clearSessionCookies(res, cookiesSecure(req, deps.nodeEnv));
    res.status(204).end();
  });
  return router;
}

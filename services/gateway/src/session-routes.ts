import express, { type Router } from 'express';
import { resendSignInCodeRequest, signInRequest, verifySignInCodeRequest } from '@elar/api';
import { CLIENT_ADDRESS_HEADER, parse, type Principal, type ServiceClient } from '@elar/http';
import type { AuthedRequest } from './auth/authorize';
import { clearSessionCookies, cookiesSecure, deviceCookie, setDeviceCookie, setSessionCookies, wantsCookieSession } from './auth/browser-session';
import type { SessionCache } from './auth/session-cache';
import { signToken } from './auth/tokens';

interface SessionOpened {
  sessionId: string;
  expiresAt: string;
  principal: Principal;
  mustChangePassword: boolean;
  profile: unknown;
  deviceToken?: string;
}
type SignInStep = SessionOpened | { codeRequired: true; challengeId: string; expiresAt: string; sentTo: string };

interface SessionDeps { identity: ServiceClient; signingKey: string; sessions: SessionCache; signInLimiter: express.RequestHandler; nodeEnv: string }

/**
 * Answers a session just opened: API clients get the bearer token in the body; the portal (which asks
 * with `x-elar-session: cookie`) gets it as an httpOnly cookie plus a CSRF cookie, and no token in the body.
 */
function respondWithSession(req: express.Request, res: express.Response, deps: SessionDeps, s: SessionOpened) {
  const token = signToken(deps.signingKey, { sid: s.sessionId, p: s.principal, exp: Date.parse(s.expiresAt) });
  const body = { expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword, profile: s.profile, ...(s.deviceToken ? { deviceToken: s.deviceToken } : {}) };
  if (!wantsCookieSession(req)) return res.json({ token, ...body });
  const secure = cookiesSecure(req, deps.nodeEnv);
  setSessionCookies(res, { token, sid: s.sessionId, expiresAt: s.expiresAt, key: deps.signingKey, secure });
  if (s.deviceToken) setDeviceCookie(res, s.deviceToken, secure);
  res.json({ ...body, deviceToken: undefined });
}

/**
 * Sign-in (password, then the emailed code unless the browser is trusted) and sign-out: identity
 * checks the credentials and the code, the gateway issues and revokes the token.
 */
export function sessionRoutes(deps: SessionDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '10kb' });
  const client = (req: express.Request) => ({ headers: { [CLIENT_ADDRESS_HEADER]: req.ip ?? 'unknown' } });

  router.post('/auth/sign-in', deps.signInLimiter, json, async (req, res) => {
    const body = parse(signInRequest, req.body);
    // The portal's trusted-browser token lives in an httpOnly cookie; API clients send it in the body.
    if (wantsCookieSession(req) && !body.deviceToken) body.deviceToken = deviceCookie(req);
    const { body: step } = await deps.identity.post<SignInStep>('/internal/auth/sign-in', body, client(req));
    if ('codeRequired' in step) res.status(202).json(step);
    else respondWithSession(req, res, deps, step);
  });
  router.post('/auth/sign-in/verify', deps.signInLimiter, json, async (req, res) => {
    const body = parse(verifySignInCodeRequest, req.body);
    const { body: session } = await deps.identity.post<SessionOpened>('/internal/auth/sign-in/verify', body, client(req));
    respondWithSession(req, res, deps, session);
  });
  router.post('/auth/sign-in/resend', deps.signInLimiter, json, async (req, res) => {
    const body = parse(resendSignInCodeRequest, req.body);
    const { body: sent } = await deps.identity.post('/internal/auth/sign-in/resend', body, client(req));
    res.status(202).json(sent);
  });
  router.post('/auth/sign-out', async (req, res) => {
    const sid = (req as AuthedRequest).session?.sid;
    if (sid) {
      await deps.identity.post('/internal/sessions/revoke', { sessionId: sid });
      deps.sessions.forget(sid);
    }
    clearSessionCookies(res, cookiesSecure(req, deps.nodeEnv));
    res.status(204).end();
  });
  return router;
}

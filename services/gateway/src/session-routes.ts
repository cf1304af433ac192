import express, { type Router } from 'express';
import { signInRequest } from '@elar/api';
import { CLIENT_ADDRESS_HEADER, parse, type Principal, type ServiceClient } from '@elar/http';
import type { AuthedRequest } from './auth/authorize';
import type { SessionCache } from './auth/session-cache';
import { signToken } from './auth/tokens';

interface SignInResult {
  sessionId: string;
  expiresAt: string;
  principal: Principal;
  mustChangePassword: boolean;
  profile: unknown;
}

/** Sign-in and sign-out: identity checks the credentials, the gateway issues and revokes the token. */
export function sessionRoutes(deps: { identity: ServiceClient; signingKey: string; sessions: SessionCache; signInLimiter: express.RequestHandler }): Router {
  const router = express.Router();
  router.post('/auth/sign-in', deps.signInLimiter, express.json({ limit: '10kb' }), async (req, res) => {
    const body = parse(signInRequest, req.body);
    const { body: result } = await deps.identity.post<SignInResult>('/internal/auth/sign-in', body, { headers: { [CLIENT_ADDRESS_HEADER]: req.ip ?? 'unknown' } });
    const token = signToken(deps.signingKey, { sid: result.sessionId, p: result.principal, exp: Date.parse(result.expiresAt) });
    res.json({ token, expiresAt: result.expiresAt, mustChangePassword: result.mustChangePassword, profile: result.profile });
  });
  router.post('/auth/sign-out', async (req, res) => {
    const sid = (req as AuthedRequest).session?.sid;
    if (sid) {
      await deps.identity.post('/internal/sessions/revoke', { sessionId: sid });
      deps.sessions.forget(sid);
    }
    res.status(204).end();
  });
  return router;
}

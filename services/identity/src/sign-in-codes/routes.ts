import type { Express } from 'express';
import { resendSignInCodeRequest, signInRequest, verifySignInCodeRequest } from '@elar/api';
import { clientAddress, parse, readPrincipal } from '@elar/http';
import type { IdentityDeps } from '../deps';
import { openSession, signIn } from '../auth/sessions';
import { deriveKey } from './code';
import { openChallenge, resendChallenge, verifyChallenge } from './challenges';
import { isTrustedDevice, revokeTrustedDevices, trustDevice } from './trusted-devices';

/**
 * Sign-in with the emailed code (`SIGN_IN_CODE=required`, the default): the password step answers
 * a challenge unless the browser is trusted; the code step opens the session.
 */
export function mountSignInCodeRoutes(app: Express, deps: IdentityDeps): void {
  const challengeDeps = { db: deps.db, mailer: deps.mailer, codeKey: deriveKey(deps.config.IDENTITY_PII_KEY, 'sign-in-code') };
  const deviceKey = deriveKey(deps.config.IDENTITY_PII_KEY, 'trusted-device');
  const ttl = deps.config.SESSION_TTL_MINUTES;

  app.post('/internal/auth/sign-in', async (req, res) => {
    const { username, password, deviceToken } = parse(signInRequest, req.body);
    const clientIp = clientAddress(req);
    const result = await signIn({ db: deps.db, ttlMinutes: ttl, piiKey: deps.piiKey }, username, password, clientIp, async (profile) => {
      if (deps.config.SIGN_IN_CODE === 'off') return undefined;
      if (await isTrustedDevice(deps.db, deviceKey, profile.id, deviceToken)) return undefined;
      return openChallenge(challengeDeps, profile, clientIp);
    });
    res.status('codeRequired' in result ? 202 : 200).json(result);
  });

  app.post('/internal/auth/sign-in/verify', async (req, res) => {
    const body = parse(verifySignInCodeRequest, req.body);
    const profileId = await verifyChallenge(challengeDeps, body.challengeId, body.code, clientAddress(req));
    const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: profileId }, include: { organization: true } });
    const session = await openSession(deps.db, ttl, profile);
    res.json({ ...session, ...(body.trustDevice ? { deviceToken: await trustDevice(deps.db, deviceKey, profile.id) } : {}) });
  });

  app.post('/internal/auth/sign-in/resend', async (req, res) => {
    const { challengeId } = parse(resendSignInCodeRequest, req.body);
    res.status(202).json(await resendChallenge(challengeDeps, challengeId));
  });

  /** Forget every browser this person trusted: the next sign-in anywhere asks for a code. */
  app.delete('/me/trusted-devices', async (req, res) => {
    const who = readPrincipal(req);
    res.json({ revoked: await revokeTrustedDevices(deps.db, who.userId, 'by-owner') });
  });
}


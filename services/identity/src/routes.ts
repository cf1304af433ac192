import type { Express } from 'express';
import { createProfileRequest } from '@elar/api';
import { notFound } from '@elar/errors';
import { z } from 'zod';
import { parse, readPrincipal, type HotRead } from '@elar/http';
import { lookupSession, revokeSession } from './auth/sessions';
import type { IdentityDeps } from './deps';
import { identityInternal, mountInternalRoute } from '@elar/internal-api';
import { sendNotification } from './notifications/send-notification';
import { roleOf } from './profiles/role';
import { createProfile, type CreateProfileResult } from './profiles/create-profile';
import { mountDraftRoutes } from './drafts/routes';
import { readProfileView } from './db/hot-reads';
import { toProfileView } from './profiles/view';
import { mountPartialMatchRoutes } from './partial-match/routes';
import { mountCredentialRoutes } from './credentials/routes';
import { mountStaffRoutes } from './staff/routes';
import { mountSignInCodeRoutes } from './sign-in-codes/routes';
import { mountRevocationFeed } from './session-revocations/routes';
import { confirmEmailChange } from './staff/email-change';
import { reconcile } from './reconcile';

const messages = {
  'new-profile': 'Your profile was created. Keep your MEPID and user name; a confirmation was emailed to you.',
  'pre-existing-completed': 'Your existing profile is now complete. Here is your user name.',
  'exact-match': 'You already have an account. Sign in with your user name, or reset your password with your hint question.',
  'partial-match': 'Your information conflicts with an existing record. A case was opened with your organization’s directory administrator; you will be emailed the outcome.',
} as const;

/** What the submitter sees of an outcome: never the conflicting record, never the user name of an existing account. */
function outcomeResponse(result: CreateProfileResult) {
  return {
    status: result.outcome === 'new-profile' ? 201 : 200,
    body: {
      outcome: result.outcome,
      mepid: 'mepid' in result ? result.mepid : undefined,
      username: 'username' in result ? result.username : undefined,
      caseNumber: 'caseNumber' in result ? result.caseNumber : undefined,
      message: messages[result.outcome],
    },
  };
}

/** Identity's hot read, answered before Express (HotRead): the signed-in person's profile. */
export const identityHotReads = (deps: IdentityDeps): HotRead[] => [
  {
    path: '/me',
    async read(req) {
      const principal = readPrincipal(req);
      const profile = await readProfileView(deps.db, principal.userId);
      if (!profile) throw notFound('profile-not-found', 'No such profile.');
      return toProfileView(profile);
    },
  },
];

export function mountIdentityRoutes(app: Express, deps: IdentityDeps): void {
  app.post('/profiles', async (req, res) => {
    const body = parse(createProfileRequest, req.body);
    const result = await createProfile({ ...deps, temporal: deps.temporal.client, escalateAfterBusinessDays: deps.config.PARTIAL_MATCH_ESCALATION_BUSINESS_DAYS }, body);
    const out = outcomeResponse(result);
    res.status(out.status).json(out.body);
  });
  mountDraftRoutes(app, deps, outcomeResponse);

  /** The signed-in person confirms an email change their directory administrator asked for. */
  app.post('/me/email-change/confirmation', async (req, res) => {
    const principal = readPrincipal(req);
    const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: principal.userId } });
    res.json(toProfileView(await confirmEmailChange(deps, principal, profile)));
  });

  /** For licensing's hard-copy orders: the owner's mailing address on file (internal callers only). */
  app.get('/internal/profiles/:id/mailing-address', async (req, res) => {
    readPrincipal(req, ['system']);
    const profile = await deps.db.profile.findUnique({ where: { id: req.params.id }, select: { address: true } });
    if (!profile) throw notFound('profile-not-found', 'No such profile.');
    res.json({ address: profile.address ?? null });
  });

  mountSignInCodeRoutes(app, deps);
  mountRevocationFeed(app, deps.revocations);

  // Session ids travel in the body, never in a path that request logs would record.
  const sessionRef = z.object({ sessionId: z.string().min(1).max(200) });
  app.post('/internal/sessions/lookup', async (req, res) => {
    res.json(await lookupSession(deps.db, parse(sessionRef, req.body).sessionId));
  });

  app.post('/internal/sessions/revoke', async (req, res) => {
    await revokeSession(deps.db, parse(sessionRef, req.body).sessionId);
    res.status(204).end();
  });

  mountPartialMatchRoutes(app, deps);
  mountCredentialRoutes(app, deps);
  mountStaffRoutes(app, deps);

  mountInternalRoute(app, identityInternal.sendNotification, async ({ body }) => sendNotification(deps.db, deps.mailer, body));
  mountInternalRoute(app, identityInternal.staffRole, async ({ params }) => {
    const profile = await deps.db.profile.findUnique({ where: { id: params.profileId }, select: { role: true } });
    if (!profile) throw notFound('profile-not-found', 'No such profile.');
    return { role: roleOf(profile) };
  });
  mountInternalRoute(app, identityInternal.reconcile, () => reconcile(deps));
}

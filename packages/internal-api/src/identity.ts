import { z } from 'zod';
import { roles } from '@elar/vocabulary';
import { defineInternalRoute, idempotencyKey } from './route';

const caseParams = z.object({ caseNumber: z.string().min(1).max(40) });
const caseStep = z.object({ idempotencyKey });
const okResponse = z.object({ ok: z.literal(true) });

/** Identity's internal API, called by the workers' activities. */
export const identityInternal = {
  sendNotification: defineInternalRoute({
    service: 'identity',
    path: '/internal/notifications',
    params: z.object({}),
    body: z.object({
      idempotencyKey,
      profileId: z.string().uuid(),
      template: z.string().min(1).max(60),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    }),
    response: z.object({ notificationId: z.string(), status: z.enum(['sent', 'already-sent']) }),
    summary: 'Emails a profile from a template; one email per key (identity resolves the address).',
  }),
  notifyCaseOpened: defineInternalRoute({
    service: 'identity', path: '/internal/partial-match-cases/:caseNumber/notify-opened', params: caseParams, body: caseStep, response: okResponse,
    summary: 'Tells the record’s directory administrators about a new partial-match case; once per key.',
  }),
  remindAdministrators: defineInternalRoute({
    service: 'identity', path: '/internal/partial-match-cases/:caseNumber/remind', params: caseParams, body: caseStep, response: okResponse,
    summary: 'Reminds the directory administrators of an open case; once per key.',
  }),
  escalateCase: defineInternalRoute({
    service: 'identity', path: '/internal/partial-match-cases/:caseNumber/escalate', params: caseParams, body: caseStep, response: okResponse,
    summary: 'Hands the case to DESE customer service; once per key.',
  }),
  applyResolution: defineInternalRoute({
    service: 'identity',
    path: '/internal/partial-match-cases/:caseNumber/apply-resolution',
    params: caseParams,
    body: caseStep.extend({
      action: z.enum(['correct-record', 'different-people', 'reject']),
      actorId: z.string().min(1),
      note: z.string().max(2000).optional(),
    }),
    response: okResponse,
    summary: 'Applies the decision (creates, completes or refuses the profile) and tells the educator; once per case.',
  }),
  staffRole: defineInternalRoute({
    service: 'identity',
    method: 'GET',
    path: '/internal/profiles/:profileId/role',
    params: z.object({ profileId: z.string().min(1).max(64) }),
    body: z.object({}),
    response: z.object({ role: z.enum(roles) }),
    summary: 'The role of a profile (licensing checks that an assignee is an evaluator); 404 profile-not-found.',
  }),
  reconcile: defineInternalRoute({
    service: 'identity',
    path: '/internal/reconcile',
    params: z.object({}),
    body: z.object({}),
    response: z.object({ onboardingStarted: z.number().int(), caseWorkflowsStarted: z.number().int() }),
    summary: 'Starts the onboarding of profiles and the workflows of partial-match cases whose start failed (run by the identity-reconciler Schedule).',
  }),
} as const;

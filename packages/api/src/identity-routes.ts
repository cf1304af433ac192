import { z } from 'zod';
import { caseResolutionRequest, caseView, createProfileRequest, createProfileResponse, profileView } from './identity';
import type { RouteSpec } from './route-spec';

/** Routes served by the identity service. */
export const identityRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/profiles',
    service: 'identity',
    access: 'public',
    tag: 'Profiles',
    summary: 'Submit a new educator profile (all four pages); the outcome says what happens next',
    body: createProfileRequest,
    responses: {
      201: { description: 'A new profile with its MEPID and user name', schema: createProfileResponse },
      200: { description: 'An existing record matched (pre-existing, partial or exact match)', schema: createProfileResponse },
    },
  },
  {
    method: 'get',
    path: '/me',
    service: 'identity',
    access: 'signed-in',
    tag: 'Profiles',
    summary: "The signed-in person's profile summary (MEPID, user name, role)",
    responses: { 200: { description: 'Profile summary', schema: profileView } },
  },
  {
    method: 'get',
    path: '/partial-match-cases',
    service: 'identity',
    access: ['directory-admin', 'customer-service'],
    tag: 'Partial matches',
    summary: "Partial-match cases: a directory administrator's organization's, or all for customer service",
    responses: { 200: { description: 'Cases, newest first', schema: z.object({ cases: z.array(caseView) }) } },
  },
  {
    method: 'post',
    path: '/partial-match-cases/{caseNumber}/resolution',
    service: 'identity',
    access: ['directory-admin', 'customer-service'],
    tag: 'Partial matches',
    summary: 'Decide a partial-match case: correct the record, confirm different people, or reject',
    params: z.object({ caseNumber: z.string() }),
    body: caseResolutionRequest,
    responses: { 200: { description: 'Decision accepted by the case workflow', schema: z.object({ caseNumber: z.string(), accepted: z.boolean(), status: z.string() }) } },
  },
];

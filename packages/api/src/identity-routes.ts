import { createProfileRequest, createProfileResponse, profileView } from './identity';
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
];

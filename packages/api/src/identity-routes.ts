import { z } from 'zod';
import {
  auditEventView, backgroundPage, caseResolutionRequest, contactPage, credentialsPage, draftView, identityPage, caseView, changePasswordRequest, createProfileRequest, createProfileResponse, hintQuestionRequest,
  hintQuestionResponse, profileView, recoverUsernameRequest, recoverUsernameResponse, requestResetCodeRequest, resetByCodeRequest,
  resetByHintRequest, staffRequest, staffUpdateRequest, staffView, staffLinkRequested, membershipRequestView, membershipDecisionRequest,
} from './identity';
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
  {
    method: 'delete', path: '/me/trusted-devices', service: 'identity', access: 'signed-in', tag: 'Credentials',
    summary: 'Forget every browser you chose to trust: the next sign-in anywhere asks for the emailed code',
    responses: { 200: { description: 'How many trusted browsers were revoked', schema: z.object({ revoked: z.number().int() }) } },
  },
  {
    method: 'post', path: '/me/password', service: 'identity', access: 'signed-in', tag: 'Credentials', endsSession: true,
    summary: 'Change your password (rules and history enforced); every session ends and a notice is emailed',
    body: changePasswordRequest, responses: { 204: { description: 'Changed; sign in again' } },
  },
  {
    method: 'post', path: '/recovery/hint-question', service: 'identity', access: 'public', tag: 'Recovery',
    summary: 'The hint question for the details given (a stand-in question when nothing matches: existence is never revealed)',
    body: hintQuestionRequest, responses: { 200: { description: 'The question', schema: hintQuestionResponse } },
  },
  {
    method: 'post', path: '/recovery/username', service: 'identity', access: 'public', tag: 'Recovery',
    summary: 'Retrieve your user name by answering the hint question', body: recoverUsernameRequest,
    responses: { 200: { description: 'Your user name', schema: recoverUsernameResponse } },
  },
  {
    method: 'post', path: '/recovery/password', service: 'identity', access: 'public', tag: 'Recovery',
    summary: 'Set a new password by answering the hint question', body: resetByHintRequest,
    responses: { 204: { description: 'Password changed' } },
  },
  {
    method: 'post', path: '/recovery/code', service: 'identity', access: 'public', tag: 'Recovery',
    summary: 'Email a one-time 6-digit reset code (single use, 15 minutes); the answer is the same whether or not the details match',
    body: requestResetCodeRequest, responses: { 202: { description: 'Accepted' } },
  },
  {
    method: 'post', path: '/recovery/code/password', service: 'identity', access: 'public', tag: 'Recovery',
    summary: 'Set a new password with the emailed code', body: resetByCodeRequest,
    responses: { 204: { description: 'Password changed' } },
  },
  {
    method: 'get', path: '/organizations/{code}/staff', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: "An organization's staff directory", params: z.object({ code: z.string() }),
    responses: { 200: { description: 'Staff', schema: z.object({ staff: z.array(staffView) }) } },
  },
  {
    method: 'post', path: '/organizations/{code}/staff', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: 'Add a staff member (a profile without credentials that the person completes later)', params: z.object({ code: z.string() }),
    body: staffRequest,
    responses: {
      201: { description: 'Added', schema: staffView },
      202: { description: 'Recorded for DESE customer service (the person may already have a record elsewhere; which one is not said)', schema: staffLinkRequested },
    },
  },
  {
    method: 'patch', path: '/organizations/{code}/staff/{mepid}', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: "Edit a staff member's record", params: z.object({ code: z.string(), mepid: z.string() }),
    body: staffUpdateRequest,
    responses: {
      200: { description: 'Updated', schema: staffView },
      202: { description: 'Updated; a new email waits for the person to confirm it (or customer service to approve it), and the address on file was told', schema: staffView },
    },
  },
  {
    method: 'post', path: '/organizations/{code}/staff/{mepid}/email-change/approval', service: 'identity', access: ['customer-service'], tag: 'Staff directory',
    summary: "Approve a directory administrator's pending change of a staff member's email", params: z.object({ code: z.string(), mepid: z.string() }),
    responses: { 200: { description: 'Applied; the old address was told', schema: staffView } },
  },
  {
    method: 'get', path: '/organizations/{code}/membership-requests', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: 'Self-service profiles that named this organization, waiting for approval to join its staff list', params: z.object({ code: z.string() }),
    responses: { 200: { description: 'Requests, oldest first', schema: z.object({ requests: z.array(membershipRequestView) }) } },
  },
  {
    method: 'post', path: '/organizations/{code}/membership-requests/{mepid}', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: 'Approve or decline a membership request', params: z.object({ code: z.string(), mepid: z.string() }), body: membershipDecisionRequest,
    responses: { 200: { description: 'Decided', schema: staffView } },
  },
  {
    method: 'post', path: '/me/email-change/confirmation', service: 'identity', access: 'signed-in', tag: 'Profiles',
    summary: 'Confirm the email change your directory administrator asked for (the old address is told)',
    responses: { 200: { description: 'The new email is on file', schema: profileView } },
  },
  {
    method: 'post', path: '/organizations/{code}/staff/{mepid}/password-reset', service: 'identity', access: ['directory-admin', 'customer-service'], tag: 'Staff directory',
    summary: 'Email a staff member a temporary password that must be changed at next sign-in', params: z.object({ code: z.string(), mepid: z.string() }),
    responses: { 202: { description: 'Temporary password emailed' } },
  },
  {
    method: 'get', path: '/audit-events', service: 'identity', access: ['customer-service', 'operator'], tag: 'Audit',
    summary: 'Security events, newest first (filter by action or subjectMepid)',
    query: z.object({ action: z.string().optional(), subjectMepid: z.string().optional() }),
    responses: { 200: { description: 'Events', schema: z.object({ events: z.array(auditEventView) }) } },
  },
  {
    method: 'post', path: '/profile-drafts', service: 'identity', access: 'public', tag: 'Profiles',
    summary: 'Start a four-page profile; keep the draft token to resume within 30 days',
    responses: { 201: { description: 'A new draft', schema: draftView } },
  },
  {
    method: 'get', path: '/profile-drafts/{token}', service: 'identity', access: 'public', tag: 'Profiles',
    summary: 'Resume a draft: which pages are done (birth date, SSN digits and password are never shown back)',
    params: z.object({ token: z.string() }), responses: { 200: { description: 'The draft', schema: draftView } },
  },
  ...(
    [
      ['identity', identityPage, 'Page 1: legal name, prior names, date of birth, last four SSN digits'],
      ['contact', contactPage, 'Page 2: email, phone, mailing address'],
      ['background', backgroundPage, 'Page 3: Massachusetts organizations, prior license numbers'],
      ['credentials', credentialsPage, 'Page 4: password and confirmation, hint question and answer'],
    ] as const
  ).map(([page, body, summary]): RouteSpec => ({
    method: 'put', path: `/profile-drafts/{token}/pages/${page}`, service: 'identity', access: 'public', tag: 'Profiles',
    summary, params: z.object({ token: z.string() }), body,
    responses: { 200: { description: 'Saved; the draft', schema: draftView } },
  })),
  {
    method: 'post', path: '/profile-drafts/{token}/submit', service: 'identity', access: 'public', tag: 'Profiles',
    summary: 'Submit a complete draft; submitting it again returns the same outcome (one profile per draft)',
    params: z.object({ token: z.string() }),
    responses: {
      201: { description: 'A new profile with its MEPID and user name', schema: createProfileResponse },
      200: { description: 'An existing record matched', schema: createProfileResponse },
    },
  },
];

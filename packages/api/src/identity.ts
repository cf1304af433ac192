import { z } from 'zod';
import { birthDate, mepid, emailAddress } from './common';

const name = z.string().trim().min(1).max(60).regex(/^[\p{L}][\p{L} .'-]*$/u, 'letters, spaces, apostrophes, hyphens and periods only');

/** Page 1 of the profile: who the educator is. */
export const identityPage = z.object({
  firstName: name,
  middleName: name.optional(),
  lastName: name,
  priorNames: z.array(name).max(10).default([]),
  dateOfBirth: birthDate,
  ssnLast4: z.string().regex(/^\d{4}$/, 'must be the last 4 digits of the Social Security number'),
});

export const address = z.object({
  line1: z.string().trim().min(1).max(100),
  line2: z.string().trim().max(100).optional(),
  city: z.string().trim().min(1).max(60),
  state: z.string().regex(/^[A-Z]{2}$/, 'two-letter state code'),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'ZIP or ZIP+4'),
});

/** Page 2: how to reach the educator. */
export const contactPage = z.object({
  email: emailAddress,
  phone: z.string().regex(/^\+?[0-9 ()-]{10,20}$/, 'a phone number with area code').optional(),
  address,
});

/** Page 3: Massachusetts work history and prior licenses. */
export const backgroundPage = z.object({
  organizationCodes: z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/)).max(20).default([]),
  priorLicenseNumbers: z.array(z.string().regex(/^[A-Z0-9-]{3,20}$/)).max(20).default([]),
});

/** Page 4: credentials. Password rules are checked by the service's configured policy. */
export const credentialsPage = z.object({
  password: z.string().min(1).max(128),
  passwordConfirmation: z.string().min(1).max(128),
  hintQuestion: z.string().trim().min(5).max(200),
  hintAnswer: z.string().trim().min(1).max(100),
});

export const createProfileRequest = z.object({
  identity: identityPage,
  contact: contactPage,
  background: backgroundPage.default({ organizationCodes: [], priorLicenseNumbers: [] }),
  credentials: credentialsPage,
});
export type CreateProfileRequest = z.infer<typeof createProfileRequest>;

export const profileOutcome = z.enum(['new-profile', 'pre-existing-completed', 'partial-match', 'exact-match']);

export const createProfileResponse = z.object({
  outcome: profileOutcome,
  mepid: mepid.optional(),
  username: z.string().optional(),
  caseNumber: z.string().optional(),
  message: z.string(),
});

export const profileView = z.object({
  mepid,
  username: z.string().nullable(),
  role: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  organization: z.object({ code: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ProfileView = z.infer<typeof profileView>;

export const signInRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  /** From an earlier "trust this browser": skips the emailed code while valid. */
  deviceToken: z.string().min(1).max(200).optional(),
});

/** The password was right; a 6-digit code was emailed (valid 15 minutes, 5 tries). */
export const signInCodeRequiredResponse = z.object({
  codeRequired: z.literal(true),
  challengeId: z.string(),
  expiresAt: z.string(),
  /** The address the code went to, masked (`a***@example.org`). */
  sentTo: z.string(),
});

export const verifySignInCodeRequest = z.object({
  challengeId: z.string().min(10).max(64),
  code: z.string().regex(/^\d{6}$/, 'Enter the 6 digits from the email.'),
  /** Trust this browser for 30 days: the answer carries a `deviceToken` to send with later sign-ins. */
  trustDevice: z.boolean().optional(),
});

export const resendSignInCodeRequest = z.object({ challengeId: z.string().min(10).max(64) });

export const resendSignInCodeResponse = z.object({ expiresAt: z.string(), sentTo: z.string() });

export const signInResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  mustChangePassword: z.boolean(),
  profile: profileView,
  /** Only when `trustDevice` was asked at the code step. */
  deviceToken: z.string().optional(),
});

export const caseResolutionRequest = z.object({
  action: z.enum(['correct-record', 'different-people', 'reject']),
  note: z.string().trim().max(500).optional(),
});

export const caseView = z.object({
  caseNumber: z.string(),
  status: z.string(),
  reason: z.string(),
  organizationId: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

/** What an educator proves to recover an account: all of it must match one profile. */
export const recoveryIdentity = z.object({
  firstName: name,
  lastName: name,
  dateOfBirth: birthDate,
  ssnLast4: z.string().regex(/^\d{4}$/, 'must be the last 4 digits of the Social Security number'),
  email: emailAddress,
});

export const hintQuestionRequest = z.object({ identity: recoveryIdentity });
export const hintQuestionResponse = z.object({ hintQuestion: z.string() });

export const recoverUsernameRequest = z.object({ identity: recoveryIdentity, hintAnswer: z.string().min(1).max(100) });
export const recoverUsernameResponse = z.object({ username: z.string() });

const newPasswordFields = {
  newPassword: z.string().min(1).max(128),
  newPasswordConfirmation: z.string().min(1).max(128),
};

export const resetByHintRequest = z.object({ identity: recoveryIdentity, hintAnswer: z.string().min(1).max(100), ...newPasswordFields });
export const requestResetCodeRequest = z.object({ identity: recoveryIdentity });
export const resetByCodeRequest = z.object({ email: emailAddress, code: z.string().regex(/^\d{6}$/, 'six digits'), ...newPasswordFields });
export const changePasswordRequest = z.object({ currentPassword: z.string().min(1).max(128), ...newPasswordFields });

export const staffRequest = z.object({
  firstName: name,
  middleName: name.optional(),
  lastName: name,
  dateOfBirth: birthDate,
  ssnLast4: z.string().regex(/^\d{4}$/, 'must be the last 4 digits of the Social Security number'),
  email: emailAddress.optional(),
});
export const staffUpdateRequest = z.object({
  firstName: name.optional(),
  middleName: name.optional(),
  lastName: name.optional(),
  email: emailAddress.optional(),
  priorNames: z.array(name).max(10).optional(),
});
export const staffView = profileView.extend({
  hasAccount: z.boolean(),
  mustChangePassword: z.boolean(),
  /** An administrator's change of the email, waiting for the person (or customer service) to confirm it. */
  pendingEmailChange: z.object({ maskedNewEmail: z.string(), expiresAt: z.string() }).nullable().optional(),
});
export const staffLinkRequested = z.object({ message: z.string() });
export const membershipRequestView = z.object({ mepid: z.string(), firstName: z.string(), lastName: z.string(), requestedAt: z.string() });
export const membershipDecisionRequest = z.object({ decision: z.enum(['approve', 'decline']) });

export const auditEventView = z.object({
  at: z.string(),
  action: z.string(),
  outcome: z.string(),
  actorId: z.string().nullable(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const draftView = z.object({
  draftToken: z.string(),
  expiresAt: z.string(),
  submitted: z.boolean(),
  completedPages: z.array(z.enum(['identity', 'contact', 'background', 'credentials'])),
  identity: z.record(z.string(), z.unknown()).nullable(),
  contact: z.record(z.string(), z.unknown()).nullable(),
  background: z.record(z.string(), z.unknown()).nullable(),
  credentials: z.object({ hintQuestion: z.string() }).nullable(),
});

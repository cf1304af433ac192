import type { z } from 'zod';
import type { contactPage, backgroundPage, credentialsPage, identityPage } from '@elar/api';
import { unprocessable } from '@elar/errors';
import { hashSecret, normalizeHintAnswer, ssnDigest } from '../credentials/hashing';
import { checkPassword, type PasswordPolicyName } from '../credentials/password-policy';

/**
 * A profile submission with every secret already reduced to a hash or keyed digest. This is what
 * drafts and partial-match cases store: never the SSN digits, the password or the hint answer.
 */
export interface HashedSubmission {
  firstName: string;
  middleName?: string;
  lastName: string;
  priorNames: string[];
  dateOfBirth: string;
  ssnLast4Digest: string;
  email: string;
  phone?: string;
  address: unknown;
  organizationCodes?: string[];
  priorLicenseNumbers: string[];
  passwordHash: string;
  hintQuestion: string;
  hintAnswerHash: string;
}

export const hashIdentityPage = (piiKey: string, page: z.infer<typeof identityPage>) => {
  const { ssnLast4, ...rest } = page;
  return { ...rest, ssnLast4Digest: ssnDigest(piiKey, ssnLast4) };
};

/** Checks the password rules and confirmation, then hashes the credentials page. */
export async function hashCredentialsPage(policy: PasswordPolicyName, page: z.infer<typeof credentialsPage>) {
  if (page.password !== page.passwordConfirmation) {
    throw unprocessable('password-confirmation-mismatch', 'The password and its confirmation differ.', [
      { field: 'credentials.passwordConfirmation', code: 'mismatch', message: 'Does not match the password.' },
    ]);
  }
  await checkPassword(policy, page.password, { previousHashes: [] });
  const [passwordHash, hintAnswerHash] = await Promise.all([hashSecret(page.password), hashSecret(normalizeHintAnswer(page.hintAnswer))]);
  return { passwordHash, hintQuestion: page.hintQuestion, hintAnswerHash };
}

export function assemble(
  identity: ReturnType<typeof hashIdentityPage>,
  contact: z.infer<typeof contactPage>,
  background: z.infer<typeof backgroundPage>,
  credentials: Awaited<ReturnType<typeof hashCredentialsPage>>,
): HashedSubmission {
  return { ...identity, ...contact, ...background, ...credentials };
}

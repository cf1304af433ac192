import { unprocessable } from '@elar/errors';
import { guessability } from './guessability';
import { verifySecret } from './hashing';

export type PasswordPolicyName = 'portal' | 'nist';

export interface PasswordContext {
  username?: string | null;
  /** Hashes of this account's current and earlier passwords. */
  previousHashes: string[];
}

/**
 * The portal's rules (default): case-sensitive, at least 6 characters, letters and digits only,
 * never a password this account used before, never the user name.
 * NIST SP 800-63B style: 15 to 128 characters of any kind, not a breached, common or otherwise easily
 * guessed password (offline estimate, `guessability.ts`, with the reason shown), not the user name, no reuse.
 */
export async function checkPassword(policy: PasswordPolicyName, password: string, ctx: PasswordContext): Promise<void> {
  const problems: { field: string; code: string; message: string }[] = [];
  const fail = (code: string, message: string) => problems.push({ field: 'password', code, message });
  if (policy === 'portal') {
    if (password.length < 6) fail('password-too-short', 'Use at least 6 characters.');
    if (!/^[A-Za-z0-9]*$/.test(password)) fail('password-invalid-characters', 'Use letters and digits only, no symbols or spaces.');
  } else {
    if (password.length < 15) fail('password-too-short', 'Use at least 15 characters.');
    if (password.length > 128) fail('password-too-long', 'Use at most 128 characters.');
    const guessed = password.length >= 15 ? guessability(password, [ctx.username ?? '']) : undefined;
    if (guessed?.reason) fail('password-too-common', guessed.reason);
  }
  if (ctx.username && password === ctx.username) fail('password-equals-username', 'The password cannot be your user name.');
  if (problems.length === 0) {
    for (const hash of ctx.previousHashes) {
      if (await verifySecret(password, hash)) {
        fail('password-reused', 'Choose a password you have not used before.');
        break;
      }
    }
  }
  if (problems.length) throw unprocessable('password-rejected', 'The password does not meet the rules.', problems);
}

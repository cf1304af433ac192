import { unprocessable } from '@elar/errors';
import { verifySecret } from './hashing';

export type PasswordPolicyName = 'portal' | 'nist';

/** A small list of passwords attackers try first; the NIST policy refuses them. */
const COMMON = new Set([
  'password', 'password1', 'password123', '123456', '12345678', '123456789', '1234567890', 'qwerty',
  'qwertyuiop', 'letmein', 'welcome', 'iloveyou', 'admin', 'teacher', 'teacher1', 'monkey', 'dragon',
  'football', 'baseball', 'abc123', 'sunshine', 'princess', 'passw0rd', 'trustno1', 'massachusetts',
  'passwordpassword', '111111111111111', 'aaaaaaaaaaaaaaa', 'correcthorsebatterystaple',
]);

export interface PasswordContext {
  username?: string | null;
  /** Hashes of this account's current and earlier passwords. */
  previousHashes: string[];
}

/**
 * The portal's rules (default): case-sensitive, at least 6 characters, letters and digits only,
 * never a password this account used before, never the user name.
 * NIST SP 800-63B style: 15 to 128 characters of any kind, not a common password, not the user name,
 * no reuse.
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
    if (COMMON.has(password.toLowerCase())) fail('password-too-common', 'This password is too common; choose another.');
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

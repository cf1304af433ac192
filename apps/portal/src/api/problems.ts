/** An API error in words a teacher understands, with a message per form field. */
export interface Problem {
  status: number;
  code: string;
  message: string;
  /** Field path (as the API names it, e.g. `contact.address.postalCode`) -> what to fix. */
  fields: Record<string, string>;
}

const WORDS: Record<string, string> = {
  'invalid-credentials': 'That user name and password do not match. Both are case-sensitive.',
  'temporarily-locked': 'Too many tries. Your account is locked for a few minutes; try again later or reset your password.',
  'rate-limited': 'Too many attempts in a short time. Wait a minute and try again.',
  'validation-failed': 'Some answers need fixing. Look for the messages next to the fields.',
  'password-rejected': 'That password does not meet the rules. Choose another one.',
  'password-confirmation-mismatch': 'The two passwords are not the same.',
  'password-change-required': 'Choose a new password before you continue.',
  'invalid-code': 'That code is not right or has expired. Ask for a new code.',
  'invalid-sign-in-code': 'That code is not right. Check the email we sent and try again.',
  'sign-in-code-expired': 'That code has expired. Sign in again to get a new one.',
  'sign-in-code-cooldown': 'We just sent a code. Wait a minute before asking for another.',
  'recovery-failed': 'We could not confirm those details. Check them and try again.',
  'card-declined': 'Your card was declined. Nothing was charged. Try another card.',
  'payment-declined': 'Your card was declined. Nothing was charged. Try another card.',
  'already-paid': 'This has already been paid.',
  'payment-required': 'Pay the fee before you submit.',
  'requirements-not-met': 'Some requirements are still missing. Upload a document for each one marked "Missing".',
  'unsupported-document-type': 'That file is not a PDF, PNG or JPEG. Save it in one of those formats and try again.',
  'document-too-large': 'That file is too large. Upload a smaller file (under 700 KB).',
  'payload-too-large': 'That file is too large. Upload a smaller file.',
  'letter-closed': 'This letter is closed and can no longer be answered.',
  'renewal-too-early': 'This license cannot be renewed yet: renewal opens one year before it expires.',
  'pdps-short': 'You do not have enough professional development points yet.',
  'license-not-renewable': 'Only Professional licenses can be renewed online.',
  'already-renewed': 'This license has already been renewed.',
  'staff-exists': 'This person is already in your staff directory.',
  'session-ended': 'Your session has ended. Sign in again.',
  unauthenticated: 'Please sign in to continue.',
  forbidden: 'Your account cannot do this.',
  'csrf-token-invalid': 'This page is out of date. Reload it and try again.',
  'service-unavailable': 'The system is busy right now. Try again in a few minutes.',
  'upstream-timeout': 'The system took too long to answer. Try again in a few minutes.',
};

const FIELD_WORDS: Record<string, string> = {
  required: 'Please fill this in.',
  'too-small': 'This is too short.',
  'too-big': 'This is too long.',
  'invalid-type': 'Please fill this in.',
};

function fieldWords(code: string, message: string): string {
  if (/^(must|letters|two-letter|ZIP|a |an |six|card)/.test(message)) return `Enter ${message.replace(/^must be /, '')}.`.replace('Enter letters', 'Use letters');
  if (/email/i.test(message)) return 'Enter an email address like name@example.com.';
  return FIELD_WORDS[code] ?? 'Check this answer.';
}

/** Turns an error response (any status) into a Problem; network failures become one too. */
export function toProblem(status: number, body: unknown): Problem {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  const code = err?.code ?? (status === 0 ? 'network' : 'unknown');
  const fields: Record<string, string> = {};
  if (Array.isArray(err?.details)) {
    for (const d of err.details as { field?: string; code?: string; message?: string }[]) {
      if (d.field) fields[d.field] = fieldWords(d.code ?? '', d.message ?? '');
    }
  }
  const message = WORDS[code] ?? (status === 0 ? 'We could not reach the system. Check your connection and try again.' : err?.message ?? 'Something went wrong. Try again.');
  return { status, code, message, fields };
}

/** The message for one field, looking up the field's API path and any sub-path under it. */
export function fieldProblem(problem: Problem | undefined, path: string): string | undefined {
  if (!problem) return undefined;
  if (problem.fields[path]) return problem.fields[path];
  const nested = Object.keys(problem.fields).find((f) => f.endsWith(`.${path}`) || f === path.split('.').at(-1));
  return nested ? problem.fields[nested] : undefined;
}

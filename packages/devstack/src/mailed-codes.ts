// How the API tests and the start smoke read an emailed sign-in code, as a person reads it from the inbox.
// The portal's browser tests (ES modules run by Playwright) cannot import this CommonJS TypeScript
// source; `apps/portal/e2e/support.ts` matches mails by the same `x-elar-template` header.

/** The fields of a caught email these helpers read (the catcher's JSON, the dev mail route's rows: both carry the headers). */
export interface MailLike {
  text?: string;
  headers?: Record<string, string>;
}

/** Whether this is a sign-in code email (identity's template header; for `username`, when given): never a welcome or reset mail. */
export function isSignInCodeMail(mail: MailLike, username?: string): boolean {
  return mail.headers?.['x-elar-template'] === 'sign-in-code' && (username === undefined || (mail.text ?? '').includes(`User name: ${username}`));
}

/** The 6-digit code in a code email's text, or undefined when it has none. */
export function sixDigitCodeIn(mail: MailLike): string | undefined {
  return /\b(\d{6})\b/.exec(mail.text ?? '')?.[1];
}

import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export type { Level, Logger };

export interface RequestContext {
  requestId: string;
  principal?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a request context that every log line and outgoing service call picks up. */
export const withRequestContext = <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();

/**
 * Keys whose values are personal data or secrets, redacted wherever they appear at the top level,
 * one or two levels down, and in request headers if a log line carries them. `code` is here because
 * emailed one-time codes travel under that name: log stable error codes as `errorCode`.
 */
export const SENSITIVE_KEYS = [
  'password', 'newPassword', 'currentPassword', 'passwordConfirmation', 'temporaryPassword',
  'ssn', 'ssnLast4', 'dateOfBirth', 'dob', 'hintAnswer', 'answer', 'code', 'token', 'secret',
  'authorization', 'cookie', 'cardNumber', 'cvc',
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-internal-token"]',
  'res.headers["set-cookie"]',
];

export function createLogger(name: string, level = 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin() {
      const ctx = storage.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

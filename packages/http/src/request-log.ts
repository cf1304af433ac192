import type { Level, Logger } from '@elar/logger';
import { redactUrl } from './redact-url';

const levelOf = (status: number): Level => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/**
 * One line per answered request (`request completed`, with id, method, url with its secrets
 * redacted, status and time), at error for 5xx, warn for 4xx, info otherwise. Costs nothing below
 * the logger's level: nothing is built until the line is known to be written.
 */
export function logAnswered(logger: Logger, req: { id: string; method: string; url: string }, status: number, ms: number): void {
  const level = levelOf(status);
  if (!logger.isLevelEnabled(level)) return;
  logger[level](
    { req: { id: req.id, method: req.method, url: redactUrl(req.url) }, res: { statusCode: status }, responseTime: Math.round(ms) },
    'request completed',
  );
}

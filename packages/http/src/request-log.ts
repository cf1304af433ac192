import type { RequestHandler } from 'express';
import type { Level, Logger } from '@elar/logger';
import { redactUrl } from './redact-url';

const levelOf = (status: number): Level => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/**
 * One line per answered request (`request completed`, with id, method, url with its secrets
 * redacted, status and time), at
 * error for 5xx, warn for 4xx, info otherwise. Costs nothing below the logger's level: when not
 * even errors are logged it is not mounted at all, and otherwise nothing is built until the answer
 * is known to be logged (pino-http built a child logger and serialized the request on every one).
 */
export function requestLog(logger: Logger, skip: (url: string) => boolean): RequestHandler | undefined {
  if (!logger.isLevelEnabled('error')) return undefined;
  return (req, res, next) => {
    if (skip(req.url)) return next();
    const started = performance.now();
    res.once('finish', () => {
      const level = levelOf(res.statusCode);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id: (req as { id?: string }).id, method: req.method, url: redactUrl(req.originalUrl) },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    next();
  };
}

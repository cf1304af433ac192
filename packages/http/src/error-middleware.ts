import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, isAppError, validationFailed } from '@elar/errors';
import type { Logger } from '@elar/logger';
import { redactUrl } from './redact-url';
import { sendJson } from './send-json';

/** Express body-parser errors carry a `type`; map the ones a client can cause to 4xx codes. */
function fromBodyParser(err: { type?: string; status?: number }): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'invalid-json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(413, 'payload-too-large', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported-encoding', 'The request body encoding is not supported.');
    case 'request.aborted':
      return new AppError(400, 'request-aborted', 'The request was aborted.');
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        return new AppError(err.status, 'bad-request', 'The request could not be read.');
      }
      return undefined;
  }
}

export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof ZodError) return validationFailed(err);
  const parsed = typeof err === 'object' && err !== null ? fromBodyParser(err) : undefined;
  return parsed ?? new AppError(500, 'internal-error', 'Something went wrong on our side. Please try again.');
}

/**
 * The one error answer: JSON `{ error: { code, message, details? } }`, never a stack trace; 5xx
 * logged with the (redacted) path, a `retryAfterSeconds` detail also sent as Retry-After.
 */
export function sendError(logger: Logger, path: string, res: ServerResponse, err: unknown): void {
  const appError = toAppError(err);
  if (appError.status >= 500) logger.error({ err, path: redactUrl(path) }, 'request failed');
  else logger.debug({ errorCode: appError.code, status: appError.status, path: redactUrl(path) }, 'request rejected');
  if (res.headersSent) {
    res.end();
    return;
  }
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('retry-after', String(Math.ceil(retryAfter)));
  sendJson(res, appError.status, appError.toJSON());
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => sendError(logger, req.path, res, err);
}

export const notFoundHandler: RequestHandler = (req, _res, next) =>
  next(new AppError(404, 'route-not-found', `No route for ${req.method} ${req.path}.`));

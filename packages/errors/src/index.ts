import type { ZodError } from 'zod';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * The one error type of the system. `code` is stable kebab-case that clients may switch on;
 * `message` is for people and never contains personal data; `status` is the HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (code = 'unauthenticated', message = 'Sign in to continue.') => new AppError(401, code, message);
export const forbidden = (code = 'forbidden', message = 'You are not allowed to do this.') => new AppError(403, code, message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const tooManyRequests = (code: string, message: string, details?: unknown) => new AppError(429, code, message, details);
export const unavailable = (code: string, message: string) => new AppError(503, code, message);

/** Field-level problems from a zod error, with a stable code per field. */
export function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    code: issueCode(issue.code, issue.input),
    message: issue.message,
  }));
}

function issueCode(zodCode: string, input: unknown): string {
  if (zodCode === 'invalid_type' && input === undefined) return 'required';
  return zodCode.replace(/_/g, '-');
}

export const validationFailed = (error: ZodError) =>
  badRequest('validation-failed', 'Some fields are missing or invalid.', fieldProblems(error));

import { Pool, errors as undiciErrors } from 'undici';
import { AppError } from '@elar/errors';
import { currentContext } from '@elar/logger';
import { REQUEST_ID_HEADER } from './request-context';

export interface ServiceClientOptions {
  /** Human name of the service, used in error messages (never the URL). */
  name: string;
  baseUrl: string;
  timeoutMs?: number;
  /** Headers sent on every call (for example the internal token). */
  headers?: Record<string, string>;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses returned as a value instead of thrown (for example 404 on a lookup). */
  allow?: number[];
}

export interface ServiceResponse<T> {
  status: number;
  body: T;
}

export type ServiceClient = ReturnType<typeof createServiceClient>;

/**
 * The one way to call another service: keep-alive pool, request id propagation, timeouts, and
 * errors mapped to AppError (the callee's own `{ error }` passes through; network trouble is 503/504).
 */
export function createServiceClient(options: ServiceClientOptions) {
  const pool = new Pool(options.baseUrl, { connections: 32, keepAliveTimeout: 30_000 });
  const timeout = options.timeoutMs ?? 10_000;

  async function call<T>(method: string, path: string, opts: CallOptions = {}): Promise<ServiceResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...opts.headers };
    const ctx = currentContext();
    if (ctx) headers[REQUEST_ID_HEADER] = ctx.requestId;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await pool.request({
        method: method,
        path,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch (err) {
      if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
        throw new AppError(504, 'upstream-timeout', `The ${options.name} service did not answer in time.`);
      }
      throw new AppError(503, 'service-unavailable', `The ${options.name} service is unavailable.`);
    }
    const text = await res.body.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (res.statusCode < 400 || opts.allow?.includes(res.statusCode)) return { status: res.statusCode, body: body as T };
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (err?.code) throw new AppError(res.statusCode, err.code, err.message ?? 'Request failed.', err.details);
    throw new AppError(
      res.statusCode >= 500 ? 502 : res.statusCode,
      'upstream-error',
      `The ${options.name} service answered ${res.statusCode}.`,
    );
  }

  return {
    call,
    get: <T>(path: string, opts?: CallOptions) => call<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: CallOptions) => call<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: CallOptions) => call<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: CallOptions) => call<T>('PATCH', path, { ...opts, body }),
    delete: <T>(path: string, opts?: CallOptions) => call<T>('DELETE', path, opts),
    close: () => pool.close(),
  };
}

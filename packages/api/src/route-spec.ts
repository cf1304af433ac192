import type { z } from 'zod';
import type { Role } from './common';

export type Service = 'identity' | 'licensing';

/** `public`: anyone; `signed-in`: any signed-in role; a list: only those roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Public path under /api/v1, OpenAPI style (`/applications/{applicationNumber}`); the service serves the same path. */
  path: string;
  service: Service;
  access: Access;
  summary: string;
  tag: string;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Route-specific error statuses beyond the ones every route documents (for example 402 for a declined card), with the codes behind them. */
  extraErrors?: Record<number, string>;
  /** Successful responses; every route also documents the error body for 4xx/5xx. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /**
   * A streamed `multipart/form-data` upload with these form fields (documented as such). The gateway
   * forwards it unbuffered under its upload body limit instead of the JSON one.
   */
  upload?: z.ZodObject;
  /** Server-Sent Events stream (documented as text/event-stream, streamed unbuffered by the gateway). */
  stream?: boolean;
  /** A public search: the gateway applies its own, lower per-address rate limit (LOOKUP_RATE_LIMIT_PER_MINUTE). */
  publicSearch?: boolean;
  /** A success ends the caller's sessions (password change): the gateway drops its cached session at once. */
  endsSession?: boolean;
}

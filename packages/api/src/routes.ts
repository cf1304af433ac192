import type { z } from 'zod';
import type { Role } from './common';
import { createProfileRequest, createProfileResponse, profileView } from './identity';

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
  /** Successful responses; every route also documents the error body for 4xx/5xx. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Server-Sent Events stream (documented as text/event-stream, streamed unbuffered by the gateway). */
  stream?: boolean;
}

/**
 * The public API: the gateway mounts, authorizes and documents exactly these routes, and each
 * service validates with the same schemas. Add a route here and in its service, nowhere else.
 */
export const apiRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/profiles',
    service: 'identity',
    access: 'public',
    tag: 'Profiles',
    summary: 'Submit a new educator profile (all four pages); the outcome says what happens next',
    body: createProfileRequest,
    responses: {
      201: { description: 'A new profile with its MEPID and user name', schema: createProfileResponse },
      200: { description: 'An existing record matched (pre-existing, partial or exact match)', schema: createProfileResponse },
    },
  },
  {
    method: 'get',
    path: '/me',
    service: 'identity',
    access: 'signed-in',
    tag: 'Profiles',
    summary: "The signed-in person's profile summary (MEPID, user name, role)",
    responses: { 200: { description: 'Profile summary', schema: profileView } },
  },
];

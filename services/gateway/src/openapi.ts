import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  apiRoutes, errorBody, resendSignInCodeRequest, resendSignInCodeResponse, signInCodeRequiredResponse, signInRequest, signInResponse,
  verifySignInCodeRequest, type RouteSpec,
} from '@elar/api';

/** Statuses any route can answer (the error middleware, the gateway and the services' shared rules). */
const ERRORS = {
  400: 'Invalid input (validation-failed, invalid-json) or a refused business rule',
  401: 'Sign-in required or session ended',
  403: 'Role not allowed',
  404: 'Not found',
  405: 'Method not allowed on this path (see the Allow header)',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Unsupported body encoding',
  422: 'Well-formed but refused (for example a password rule or a mismatched confirmation)',
  429: 'Too many requests (Retry-After says when to try again)',
  500: 'Unexpected server error',
  502: 'A service answered badly',
  503: 'A service is unavailable or busy (Retry-After says when to try again)',
  504: 'A service did not answer in time',
};

function register(registry: OpenAPIRegistry, route: RouteSpec) {
  const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { [route.stream ? 'text/event-stream' : 'application/json']: { schema: r.schema } } }
      : { description: r.description };
  }
  for (const [status, description] of Object.entries({ ...ERRORS, ...route.extraErrors })) {
    responses[status] ??= { description, content: { 'application/json': { schema: errorBody } } };
  }
  const content: Record<string, { schema: z.ZodType }> = {};
  if (route.upload) content['multipart/form-data'] = { schema: route.upload };
  if (route.body) content['application/json'] = { schema: route.body };
  registry.registerPath({
    method: route.method,
    path: route.path,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ bearerAuth: [] }],
    description: route.access === 'public' ? 'Public.' : route.access === 'signed-in' ? 'Any signed-in user.' : `Roles: ${route.access.join(', ')}.`,
    request: {
      params: route.params,
      query: route.query,
      body: Object.keys(content).length ? { content, required: true } : undefined,
    },
    responses,
  });
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the services validate with. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  for (const route of [...gatewayRoutes, ...apiRoutes]) register(registry, route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'ELAR: Educator Licensure And Renewal API',
      version: '1.0.0',
      description: 'Profiles, licenses, applications and correspondence for Massachusetts educators. Errors are `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: '/api/v1' }],
  });
}

/** Routes the gateway answers itself (documented with the services' routes). */
export const gatewayRoutes: RouteSpec[] = [
  {
    method: 'post', path: '/auth/sign-in', service: 'identity', access: 'public', tag: 'Sessions',
    summary: 'Sign in with user name and password (both case-sensitive); then, unless the browser is trusted, with the emailed code', body: signInRequest,
    responses: {
      200: { description: 'A session token (codes off, or a trusted browser)', schema: signInResponse },
      202: { description: 'A 6-digit code was emailed: send it to /auth/sign-in/verify', schema: signInCodeRequiredResponse },
    },
  },
  {
    method: 'post', path: '/auth/sign-in/verify', service: 'identity', access: 'public', tag: 'Sessions',
    summary: 'Second step: the emailed code (15 minutes, 5 tries; wrong 401 invalid-sign-in-code, spent 410 sign-in-code-expired)',
    body: verifySignInCodeRequest, extraErrors: { 410: 'sign-in-code-expired (five wrong tries, or older than 15 minutes): sign in again' },
    responses: { 200: { description: 'A session token (and a deviceToken when trustDevice)', schema: signInResponse } },
  },
  {
    method: 'post', path: '/auth/sign-in/resend', service: 'identity', access: 'public', tag: 'Sessions',
    summary: 'Email a new code for the same sign-in (once a minute: 429 sign-in-code-cooldown)', body: resendSignInCodeRequest,
    extraErrors: { 410: 'sign-in-code-expired (the sign-in is used, unknown, over an hour old or out of codes): sign in again' },
    responses: { 202: { description: 'A new code was emailed; the previous one no longer works', schema: resendSignInCodeResponse } },
  },
  {
    method: 'post', path: '/auth/sign-out', service: 'identity', access: 'signed-in', tag: 'Sessions',
    summary: 'End the current session', responses: { 204: { description: 'Signed out' } },
  },
];

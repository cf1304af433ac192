import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The CSRF token the gateway set beside the httpOnly session cookie (the only cookie scripts can read). */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split('; ')) {
    const [name, value] = part.split('=');
    if (name === '__Host-elar-csrf' || name === 'elar-csrf') return value;
  }
  return undefined;
}

/** Headers every portal request carries: a cookie session is wanted, and the CSRF token echoes the cookie. */
export function portalHeaders(): Record<string, string> {
  const token = csrfToken();
  return { 'x-elar-session': 'cookie', ...(token ? { 'x-csrf-token': token } : {}) };
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    for (const [k, v] of Object.entries(portalHeaders())) request.headers.set(k, v);
    return request;
  },
};

/** Typed client of the gateway's public API (types generated from its OpenAPI document). */
export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
api.use(sessionHeaders);

export type Schemas = paths;

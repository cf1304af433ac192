import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** JSON and health answers load nothing and are never framed. */
const STRICT_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/** Swagger UI loads its own scripts, styles and images from this origin (and sets a few styles inline). */
const DOCS_CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"],
};

export type CspKind = 'strict' | 'docs' | 'none';
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The headers helmet sets, worked out once: helmet's configuration here is static (no nonces), so
 * each response copies a fixed list instead of running a dozen middlewares.
 */
function headersOf(...middlewares: Middleware[]): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  for (const m of middlewares) {
    m({ headers: {} } as IncomingMessage, res, (err) => {
      if (err) throw err instanceof Error ? err : new Error('helmet refused its own configuration');
    });
  }
  return [...headers];
}

const base = helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' }, crossOriginResourcePolicy: { policy: 'same-origin' } });
const HEADERS: Record<CspKind, ReadonlyArray<readonly [string, string]>> = {
  none: headersOf(base),
  strict: headersOf(base, helmet.contentSecurityPolicy({ useDefaults: false, directives: STRICT_CSP })),
  docs: headersOf(base, helmet.contentSecurityPolicy({ useDefaults: false, directives: DOCS_CSP })),
};

/**
 * Security headers on every response (helmet): X-Content-Type-Options nosniff, X-Frame-Options
 * DENY, Referrer-Policy, Strict-Transport-Security, cross-origin policies. Content-Security-Policy:
 * strict on the API and service routes, Swagger UI's needs on `/api/docs`; `none` leaves the policy
 * to the page (the portal's own, on the gateway's `/`).
 */
export function setSecurityHeaders(res: ServerResponse, kind: CspKind): void {
  for (const [name, value] of HEADERS[kind]) res.setHeader(name, value);
}

/** Services: strict everywhere but Swagger UI at `/api/docs`. */
export const serviceCsp = (path: string): CspKind => (path === '/api/docs' || path.startsWith('/api/docs/') ? 'docs' : 'strict');

/** The gateway: strict on the API and operational routes, Swagger UI's on the docs, nothing of ours on the portal's pages. */
export const gatewayCsp = (path: string): CspKind => {
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return 'docs';
  if (path.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(path)) return 'strict';
  return 'none';
};

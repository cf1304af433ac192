import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** JSON and health answers load nothing and are never framed. */
const STRICT_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/** Swagger UI loads its own scripts, styles and images from this origin (and sets a few styles inline). */
const DOCS_CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"],
};

/**
 * Security headers on every response (helmet): X-Content-Type-Options nosniff, X-Frame-Options
 * DENY, Referrer-Policy, Strict-Transport-Security, cross-origin policies. Content-Security-Policy:
 * strict on the API and service routes, Swagger UI's needs on `/api/docs`; paths outside `/api`
 * and the service endpoints (the portal's pages at `/`) are left to the portal's own policy.
 */
export function securityHeaders(opts: { docsPath?: string; cspFor?: (path: string) => 'strict' | 'docs' | 'none' } = {}): RequestHandler {
  const base = helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' }, crossOriginResourcePolicy: { policy: 'same-origin' } });
  const strict = helmet.contentSecurityPolicy({ useDefaults: false, directives: STRICT_CSP });
  const docs = helmet.contentSecurityPolicy({ useDefaults: false, directives: DOCS_CSP });
  const docsPath = opts.docsPath ?? '/api/docs';
  const cspFor = opts.cspFor ?? ((path: string) => (path === docsPath || path.startsWith(`${docsPath}/`) ? 'docs' : 'strict'));
  return (req, res, next) => {
    base(req, res, (err?: unknown) => {
      if (err) return next(err);
      const which = cspFor(req.path);
      if (which === 'none') return next();
      (which === 'docs' ? docs : strict)(req, res, next);
    });
  };
}

/** The gateway: strict on the API and operational routes, Swagger UI's on the docs, nothing of ours on the portal's pages. */
export const gatewayCsp = (path: string): 'strict' | 'docs' | 'none' => {
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return 'docs';
  if (path.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(path)) return 'strict';
  return 'none';
};

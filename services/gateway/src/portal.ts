import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Response, type Router } from 'express';

/**
 * The browser portal's built files (apps/portal/dist), served at `/` with a Content-Security-Policy
 * that allows no inline script, no inline style element and no other origin: every script and style
 * is a file Vite emitted. `/api/...` never reaches these routes.
 */
export interface PortalAssets {
  dir: string;
  /** index.html, read once; undefined when the portal was not built. */
  indexHtml?: string;
}

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Reads the built portal; in production a missing build stops the gateway (fail closed, named). */
export function loadPortalAssets(dir: string, nodeEnv: string): PortalAssets {
  const index = join(dir, 'index.html');
  if (existsSync(index)) return { dir, indexHtml: readFileSync(index, 'utf8') };
  if (nodeEnv === 'production') throw new Error(`PORTAL_DIR: no built portal at ${index} (run npm run build -w @elar/portal)`);
  return { dir };
}

function pageHeaders(res: Response) {
  res.setHeader('Content-Security-Policy', PORTAL_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

export function portalRoutes(portal: PortalAssets): Router {
  const router = express.Router();
  router.use(
    express.static(portal.dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        pageHeaders(res);
        // Vite names every asset by its content hash: cache forever; index.html is never served from here.
        if (path.includes(`${join(portal.dir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // Every other GET outside /api is a page of the single-page app: index.html, never cached.
  router.get(/^\/(?!api\/|api$).*/, (_req, res) => {
    pageHeaders(res);
    res.setHeader('Cache-Control', 'no-store');
    if (!portal.indexHtml) {
      res.status(503).type('text/plain').send('The portal is not built. Run `npm run build -w @elar/portal` (npm start and npm test do it for you).');
      return;
    }
    res.type('html').send(portal.indexHtml);
  });
  return router;
}

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { roles, type Role } from '@elar/vocabulary';
import { AppError, forbidden, unauthorized } from '@elar/errors';

/** Set by the gateway (signed-in user) or a worker (`system`); services trust it only with the internal token. */
export const PRINCIPAL_HEADER = 'x-elar-principal';
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';
/** The caller's address as the gateway determined it (TRUSTED_PROXY_HOPS); set only by the gateway. */
export const CLIENT_ADDRESS_HEADER = 'x-elar-client-address';

/** The end user's address, as vouched for by the gateway (services trust it only with the internal token). */
export const clientAddress = (req: IncomingMessage): string | undefined => headerOf(req, CLIENT_ADDRESS_HEADER) || undefined;

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export { roles, type Role };

const principalSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(roles),
  profileId: z.string().optional(),
  mepid: z.string().optional(),
  organizationId: z.string().optional(),
  /** Set after an administrator reset: only the password change is allowed until it is done. */
  mustChangePassword: z.boolean().optional(),
});
export type Principal = z.infer<typeof principalSchema>;

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Services accept calls only from the gateway and workers, which hold the internal token (in
 * `x-internal-token`, or as `Authorization: Bearer`, which is what Prometheus scrapers send).
 */
export function checkInternalToken(req: IncomingMessage, token: string): void {
  const given = headerOf(req, INTERNAL_TOKEN_HEADER) ?? req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!given || !sameSecret(given, token)) throw new AppError(401, 'internal-token-required', 'This service only answers the gateway and workers.');
}

export function requireInternalToken(token: string): RequestHandler {
  return (req, _res, next) => {
    try {
      checkInternalToken(req, token);
    } catch (err) {
      next(err);
      return;
    }
    next();
  };
}

/** Principals already decoded and checked, by header value: a signed-in client sends the same one on every request. */
const decoded = new Map<string, Readonly<Principal>>();
const MAX_DECODED = 10_000;

function decodePrincipal(raw: string): Readonly<Principal> | undefined {
  const hit = decoded.get(raw);
  if (hit) return hit;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const result = principalSchema.safeParse(parsed);
  if (!result.success) return undefined;
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value as string);
  const principal = Object.freeze(result.data);
  decoded.set(raw, principal);
  return principal;
}

/** The caller, as the gateway vouched for it. Throws 401 when absent, 403 when the role is not allowed. */
export function readPrincipal(req: IncomingMessage, allowed?: readonly Role[]): Principal {
  const raw = headerOf(req, PRINCIPAL_HEADER);
  if (!raw) throw unauthorized();
  const principal = decodePrincipal(raw);
  if (!principal) throw unauthorized();
  if (allowed && !allowed.includes(principal.role)) throw forbidden();
  return principal;
}

export const encodePrincipal = (p: Principal) => Buffer.from(JSON.stringify(p)).toString('base64url');

import type { NextFunction, Response, Router } from 'express';
import type { RouteSpec } from '@elar/api';
import { AppError } from '@elar/errors';

/** `/applications/{applicationNumber}` -> `/applications/:applicationNumber`. */
export const toExpressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

export function methodNotAllowed(res: Response, next: NextFunction, allowed: string[]) {
  res.setHeader('allow', allowed.join(', '));
  next(new AppError(405, 'method-not-allowed', allowed.length ? `Use ${allowed.join(', ')} on this path.` : 'This method is not allowed.'));
}

/**
 * After the routes of a path, any other method gets 405 with an Allow header (not 404: the path
 * exists). OPTIONS answers 204 with the same Allow header. HEAD follows GET, as Express does.
 */
export function refuseOtherMethods(router: Router, routes: RouteSpec[]) {
  const byPath = new Map<string, Set<string>>();
  for (const r of routes) {
    const methods = byPath.get(r.path) ?? new Set<string>();
    methods.add(r.method.toUpperCase());
    if (r.method === 'get') methods.add('HEAD');
    byPath.set(r.path, methods);
  }
  for (const [path, methods] of byPath) {
    const allowed = [...methods, 'OPTIONS'];
    router.all(toExpressPath(path), (req, res, next) => {
      if (req.method === 'OPTIONS') {
        res.setHeader('allow', allowed.join(', '));
        res.status(204).end();
        return;
      }
      methodNotAllowed(res, next, allowed);
    });
  }
}

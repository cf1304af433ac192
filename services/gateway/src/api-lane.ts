import type { RequestListener } from 'node:http';
import proxyaddr from 'proxy-addr';
import { apiRoutes, type RouteSpec } from '@elar/api';
import { createLane, type Envelope, type LaneHandler, type LaneMethod } from '@elar/http';
import type { Logger } from '@elar/logger';
import { checkAccess, forgetSessionOnSuccess, type SessionReader } from './auth/authorize';
import type { SessionCache } from './auth/session-cache';
import { toExpressPath } from './methods';
import type { Forward, Upstream } from './proxy';
import type { Limit } from './rate-limits';

export interface ApiLaneDeps {
  envelope: Envelope;
  logger: Logger;
  readSession: SessionReader;
  sessions: SessionCache;
  /** The per-address API limit (the same counts as the gateway's own routes) and the lower one for public searches. */
  apiLimit: Limit;
  lookupLimit: Limit;
  forward: Forward;
  upstreams: Record<RouteSpec['service'], Upstream>;
  /** As Express's `trust proxy`: how many proxies in front append to X-Forwarded-For. */
  trustedProxyHops: number;
  bodyLimit: number;
  uploadBodyLimit: number;
  /** Routes the gateway answers itself (sign-in, sign-out): left to Express. */
  ownRoutes: RouteSpec[];
}

/**
 * The gateway's main work, forwarding the API table's routes to the services, in a lane before
 * Express (@elar/http `createLane`: the envelope, the request context, errors as `sendError`
 * answers them): the same steps the API router took, in the same order: the per-address limit, the
 * session, the public-search limit, the route's access rule, the forward. Everything else (sign-in
 * and sign-out, OpenAPI and docs, the portal, OPTIONS, 405 and 404) goes to `fallback`: the
 * gateway's Express app.
 */
export function createApiLane(deps: ApiLaneDeps, fallback: RequestListener): RequestListener {
  const lane = createLane({ envelope: deps.envelope, logger: deps.logger }, fallback);
  const trust = (_address: string, hop: number) => hop < deps.trustedProxyHops;
  const own = new Set(deps.ownRoutes.map((r) => `${r.method} ${r.path}`));

  const laneFor = (route: RouteSpec) => {
    const upstream = deps.upstreams[route.service];
    const bodyLimit = route.upload ? deps.uploadBodyLimit : deps.bodyLimit;
    const accessKey = `${route.method.toUpperCase()} ${route.path}`;
    const handle: LaneHandler = async (req, res, _params, requestId) => {
      const clientAddress = proxyaddr(req, trust);
      await deps.apiLimit.consume(clientAddress, res);
      const session = await deps.readSession(req);
      if (route.publicSearch) await deps.lookupLimit.consume(clientAddress, res);
      checkAccess(route.access, session?.p, accessKey);
      if (route.endsSession) forgetSessionOnSuccess(session?.sid, res, deps.sessions);
      await deps.forward(upstream, req, res, { clientAddress, requestId, session, stream: route.stream, bodyLimit });
    };
    return handle;
  };

  for (const route of apiRoutes) {
    if (own.has(`${route.method} ${route.path}`)) continue;
    const methods: LaneMethod[] = route.method === 'get' ? ['GET', 'HEAD'] : [route.method.toUpperCase() as Uppercase<RouteSpec['method']>];
    lane.on(methods, `/api/v1${toExpressPath(route.path)}`, laneFor(route));
  }
  return lane.listener();
}

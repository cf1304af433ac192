import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import FindMyWay from 'find-my-way';
import { withRequestContext, type Logger } from '@elar/logger';
import type { Envelope } from './envelope';
import { sendError } from './error-middleware';
import { pathOf } from './send-json';

export type LaneMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type LaneHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string | undefined>, requestId: string) => Promise<void>;

/**
 * Routes answered before Express (the services' hot reads, the gateway's forwarding): Express's
 * per-request set-up (it swaps the prototypes of the request and response, then walks its layers)
 * cost more CPU than a cheap read's SQL. find-my-way matches as Express does (case-insensitive, a
 * trailing slash ignored); each request goes through the deployable's envelope and request context,
 * and a rejection is answered by `sendError` like any Express route's. Everything the lane has no
 * route for goes to `fallback`, the Express app.
 */
export function createLane(opts: { envelope: Envelope; logger: Logger }, fallback: RequestListener) {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 1000, defaultRoute: fallback });
  let routes = 0;
  return {
    /** `path` Express-style (`/applications/:applicationNumber`); it is also the route's metrics label. */
    on(methods: LaneMethod[], path: string, handle: LaneHandler) {
      routes++;
      const routeOf = () => path;
      router.on(methods, path, (req, res, params) => {
        const requestId = opts.envelope.open(req, res, routeOf);
        withRequestContext({ requestId }, () => {
          handle(req, res, params, requestId).catch((err: unknown) => sendError(opts.logger, pathOf(req.url), res, err));
        });
      });
    },
    /** What the server runs: the lane's routes, else `fallback`. */
    listener(): RequestListener {
      return routes === 0 ? fallback : (req, res) => router.lookup(req, res);
    },
  };
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery, type ParsedUrlQuery } from 'node:querystring';
import FindMyWay from 'find-my-way';
import { withRequestContext, type Logger } from '@elar/logger';
import type { Envelope } from './envelope';
import { sendError } from './error-middleware';
import { checkInternalToken } from './principal';
import { pathOf, sendJson } from './send-json';

/**
 * A read on a hot path (what clients poll: the signed-in profile, an application's status, the review
 * queue), answered before Express: Express's per-request set-up (it swaps the prototypes of the
 * request and response, then walks its layers) cost more CPU than the read's own SQL. The read gets
 * the same envelope, internal-token check and error answers as every other route.
 */
export interface HotRead {
  /** An Express-style path (`/applications/:applicationNumber`), answered for GET and HEAD. */
  path: string;
  /** The JSON answer (200). Throw an AppError (readPrincipal, parse, notFound...) for anything else. */
  read(req: IncomingMessage, params: Record<string, string | undefined>, query: ParsedUrlQuery): Promise<unknown>;
}

async function answer(hot: HotRead, internalToken: string, req: IncomingMessage, res: ServerResponse, params: Record<string, string | undefined>) {
  checkInternalToken(req, internalToken);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  // Express's `simple` query parser is node:querystring too: the same values either way.
  sendJson(res, 200, await hot.read(req, params, q === -1 ? {} : parseQuery(url.slice(q + 1))), { head: req.method === 'HEAD' });
}

/** The server's listener: the hot reads, and everything else to `fallback` (the Express app). */
export function hotReadsListener(reads: HotRead[], opts: { envelope: Envelope; logger: Logger; internalToken: string }, fallback: RequestListener): RequestListener {
  if (reads.length === 0) return fallback;
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 1000, defaultRoute: fallback });
  for (const hot of reads) {
    const routeOf = () => hot.path;
    router.on(['GET', 'HEAD'], hot.path, (req, res, params) => {
      const requestId = opts.envelope.open(req, res, routeOf);
      withRequestContext({ requestId }, () => {
        answer(hot, opts.internalToken, req, res, params).catch((err: unknown) => sendError(opts.logger, pathOf(req.url), res, err));
      });
    });
  }
  return (req, res) => router.lookup(req, res);
}

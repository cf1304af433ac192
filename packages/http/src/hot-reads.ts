import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery, type ParsedUrlQuery } from 'node:querystring';
import type { Logger } from '@elar/logger';
import type { Envelope } from './envelope';
import { createLane } from './lane';
import { checkInternalToken } from './principal';
import { sendJson } from './send-json';

/**
 * A read on a hot path (what clients poll: the signed-in profile, an application's status, the review
 * queue), answered before Express (./lane.ts), with the same envelope, internal-token check and
 * error answers as every other route.
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
  const lane = createLane(opts, fallback);
  for (const hot of reads) lane.on(['GET', 'HEAD'], hot.path, (req, res, params) => answer(hot, opts.internalToken, req, res, params));
  return lane.listener();
}

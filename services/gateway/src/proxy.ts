import { Transform } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { AppError } from '@elar/errors';
import { CLIENT_ADDRESS_HEADER, INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, REQUEST_ID_HEADER, encodePrincipal } from '@elar/http';
import type { TokenPayload } from './auth/tokens';

/** Hop-by-hop headers (RFC 9110 7.6.1): each connection's own, never passed on either way. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
/**
 * Not passed upstream: the hop's own headers, the caller's credentials and address claims (the
 * gateway sends its verified principal and address instead), and the length (set again from the
 * declared one, as the body is streamed through the limit).
 */
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP, 'host', 'authorization', 'cookie', 'content-length',
  PRINCIPAL_HEADER, INTERNAL_TOKEN_HEADER, CLIENT_ADDRESS_HEADER, 'x-forwarded-for', 'forwarded', 'x-real-ip',
]);
/**
 * Not passed back: the hop's own headers and the service's request id (the gateway's envelope set
 * the caller's). The length is kept: the answer goes out in one piece instead of chunked.
 */
const NOT_RETURNED = new Set([...HOP_BY_HOP, REQUEST_ID_HEADER]);

/** The principal header of a verified token, encoded once per token payload (tokens are cached). */
const encoded = new WeakMap<TokenPayload, string>();
const principalHeaderOf = (session: TokenPayload) => {
  let header = encoded.get(session);
  if (!header) encoded.set(session, (header = encodePrincipal(session.p)));
  return header;
};

export interface Upstream {
  name: string;
  pool: Pool;
}

export function createUpstream(name: string, url: string): Upstream {
  return { name, pool: new Pool(url, { connections: 64, pipelining: 1, keepAliveTimeout: 30_000 }) };
}

export interface Forwarding {
  /** The caller's address (as the gateway trusts it), passed on for the service's own limits and logs. */
  clientAddress: string;
  requestId: string;
  /** The verified session: its principal goes upstream in place of the caller's credentials. */
  session?: TokenPayload;
  /** Server-Sent Events: headers flushed at once, no body timeout. */
  stream?: boolean;
  bodyLimit: number;
}

/**
 * Forwards a request to a service over a keep-alive pool, streaming the body both ways (no JSON
 * re-parsing). The caller's credentials are replaced by the principal the gateway verified, plus
 * the internal token. Rejects (before anything is answered) with 413 for a body over the limit, 503
 * when the service is down and 504 when it hangs.
 */
export function createForwarder(opts: { internalToken: string; timeoutMs: number }) {
  return async function forward(upstream: Upstream, req: IncomingMessage, res: ServerResponse, f: Forwarding): Promise<void> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > f.bodyLimit) throw new AppError(413, 'payload-too-large', 'The request body is too large.');
    const headers: Record<string, string> = {};
    for (const k in req.headers) {
      const v = req.headers[k];
      if (v !== undefined && !NOT_FORWARDED.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    headers[INTERNAL_TOKEN_HEADER] = opts.internalToken;
    headers[REQUEST_ID_HEADER] = f.requestId;
    headers[CLIENT_ADDRESS_HEADER] = f.clientAddress;
    if (f.session) headers[PRINCIPAL_HEADER] = principalHeaderOf(f.session);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    if (hasBody && declared) headers['content-length'] = String(declared);
    let received = 0;
    // Counts as it streams, so a body without (or lying about) content-length still stops at the limit.
    const limited = hasBody
      ? req.pipe(
          new Transform({
            transform(chunk: Buffer, _enc, cb) {
              received += chunk.length;
              if (received > f.bodyLimit) cb(new AppError(413, 'payload-too-large', 'The request body is too large.'));
              else cb(null, chunk);
            },
          }),
        )
      : undefined;
    try {
      // undici writes the upstream body straight into the response (no intermediate stream, no
      // pipeline); if the client goes away, the response closes and undici aborts the upstream call.
      await upstream.pool.stream(
        {
          method: req.method as Dispatcher.HttpMethod,
          path: (req.url ?? '/').replace(/^\/api\/v1/, ''),
          headers,
          body: limited,
          headersTimeout: opts.timeoutMs,
          bodyTimeout: f.stream ? 0 : opts.timeoutMs,
        },
        ({ statusCode, headers: upstreamHeaders }) => {
          res.statusCode = statusCode;
          for (const k in upstreamHeaders) {
            const v = upstreamHeaders[k];
            // The service's value wins (a document download's sandbox CSP); the security headers the
            // envelope already set to the same value are not set again.
            if (v !== undefined && !NOT_RETURNED.has(k) && res.getHeader(k) !== v) res.setHeader(k, v);
          }
          if (f.stream) res.flushHeaders();
          return res;
        },
      );
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof AppError) throw err;
      if (received > f.bodyLimit) throw new AppError(413, 'payload-too-large', 'The request body is too large.');
      if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
        throw new AppError(504, 'upstream-timeout', `The ${upstream.name} service did not answer in time.`);
      }
      throw new AppError(503, 'service-unavailable', `The ${upstream.name} service is unavailable. Please try again shortly.`);
    }
  };
}
export type Forward = ReturnType<typeof createForwarder>;

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@elar/logger';
import { recordRequest, type Metrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdOf } from './request-context';
import { logAnswered } from './request-log';
import { setSecurityHeaders, type CspKind } from './security-headers';
import { pathOf } from './send-json';

/** Operational endpoints: not counted in the request metrics and not logged per request. */
const OPERATIONAL = new Set(['/healthz', '/readyz', '/metrics']);

export interface Envelope {
  /**
   * Opens one request: security headers, its request id (echoed in `x-request-id`), and, once
   * answered, the request metrics and the request log line. `routeOf` names the matched route
   * pattern when the answer is known (the metrics label). Returns the request id.
   */
  open(req: IncomingMessage, res: ServerResponse, routeOf: () => string): string;
}

/**
 * What every request of a deployable goes through, whichever way it is routed (Express, or the
 * gateway's proxy lane): one definition, so both answer with the same headers, ids, metrics and logs.
 */
export function createEnvelope(opts: { logger: Logger; metrics: Metrics; cspFor: (path: string) => CspKind }): Envelope {
  const { logger, metrics, cspFor } = opts;
  const logs = logger.isLevelEnabled('error');
  return {
    open(req, res, routeOf) {
      const url = req.url ?? '/';
      const path = pathOf(url);
      setSecurityHeaders(res, cspFor(path));
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      (req as { id?: string }).id = id;
      if (OPERATIONAL.has(path)) return id;
      const started = performance.now();
      const method = req.method ?? 'GET';
      res.once('finish', () => {
        const ms = performance.now() - started;
        recordRequest(metrics, method, routeOf(), res.statusCode, ms / 1000);
        if (logs) logAnswered(logger, { id, method, url }, res.statusCode, ms);
      });
      return id;
    },
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** What a faulty call does: refused before the service sees it, answered by the service but cut off on the way back, or held until the caller gives up. */
export type FaultKind = 'refuse' | 'lose-answer' | 'hang';

export interface FaultSettings {
  /** Share of matching calls that fail (0..1). */
  rate: number;
  /** Which kinds to pick from (evenly). */
  kinds: FaultKind[];
  /** How long a hung call is held before its connection is dropped. */
  hangMs: number;
}

export interface FaultProxy {
  url: string;
  /** Faults on from now; `off()` ends the window. */
  on(settings: FaultSettings): void;
  off(): void;
  /** Calls that could be failed (their path matched) and calls failed on purpose, per kind. */
  stats(): { calls: number; faults: Record<FaultKind, number> };
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

async function forward(target: string, req: IncomingMessage, body: Buffer) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
  return request(`${target}${req.url}`, { method: req.method as 'GET', headers, body: body.length ? body : undefined, headersTimeout: 60_000, bodyTimeout: 60_000 });
}

/**
 * A small HTTP proxy in front of one service that, while switched on, fails a share of the calls
 * whose path starts with `pathPrefix` (the worker's and the other service's `/internal/` calls):
 * it refuses them with 503 (the service never sees them), or lets the service act and then drops the
 * connection before the answer (the caller cannot tell the effect happened: the case idempotency
 * keys exist for), or holds them until the caller's timeout. Other calls pass untouched. No service
 * code changes and nothing of it can reach production: it exists only in this suite's stack.
 */
export async function startFaultProxy(opts: { port: number; target: string; pathPrefix: string }): Promise<FaultProxy> {
  let settings: FaultSettings | undefined;
  let calls = 0;
  const faults: Record<FaultKind, number> = { refuse: 0, 'lose-answer': 0, hang: 0 };
  const held = new Set<ServerResponse>();

  const pick = (req: IncomingMessage): FaultKind | undefined => {
    if (!settings || !req.url?.startsWith(opts.pathPrefix) || Math.random() >= settings.rate) return undefined;
    return settings.kinds[Math.floor(Math.random() * settings.kinds.length)];
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.url?.startsWith(opts.pathPrefix)) calls++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = pick(req);
    if (fault) faults[fault]++;
    if (fault === 'refuse') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'fault-injected', message: 'Refused by the fault proxy.' } }));
      return;
    }
    if (fault === 'hang') {
      held.add(res);
      setTimeout(() => {
        held.delete(res);
        res.socket?.destroy();
      }, settings?.hangMs ?? 15_000).unref();
      return;
    }
    const upstream = await forward(opts.target, req, body);
    const answer = Buffer.from(await upstream.body.arrayBuffer());
    if (fault === 'lose-answer') {
      res.socket?.destroy();
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(upstream.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    res.writeHead(upstream.statusCode, headers).end(answer);
  }

  const server: Server = createServer((req, res) => {
    // The service is down (a restart): the caller sees its connection dropped, as without the proxy.
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    on: (s) => {
      settings = s;
    },
    off: () => {
      settings = undefined;
    },
    stats: () => ({ calls, faults: { ...faults } }),
    async close() {
      for (const res of held) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { request } from 'undici';
import { INTERNAL_TOKEN_HEADER } from '@elar/http';
import type { Logger } from '@elar/logger';
import type { SessionCache } from './session-cache';

/**
 * Subscribes to identity's `GET /internal/session-revocations` (Server-Sent Events) and applies it to
 * this replica's session cache: `revoked` refuses that session at once; `ready` (each (re)connect)
 * and `resync` clear the cache, since announcements may have been missed while disconnected.
 * Reconnects after a second when the stream ends or fails; until it is back, the cache is bypassed.
 */
export function subscribeToRevocations(opts: {
  identityUrl: string;
  internalToken: string;
  sessions: SessionCache;
  logger: Logger;
  retryMs?: number;
}) {
  let stopped = false;
  opts.sessions.feedLive(false); // until the first `ready`
  let abort: AbortController | undefined;
  let connected = false;
  let warned = false;

  function apply(block: string) {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (event === 'ready' || event === 'resync') opts.sessions.clear();
    else if (event === 'revoked') {
      const { sessionId } = JSON.parse(data) as { sessionId?: string };
      if (sessionId) opts.sessions.revoke(sessionId);
    }
    if (event === 'ready') {
      connected = true;
      opts.sessions.feedLive(true);
    }
  }

  async function run() {
    while (!stopped) {
      abort = new AbortController();
      try {
        const res = await request(new URL('/internal/session-revocations', opts.identityUrl), {
          headers: { [INTERNAL_TOKEN_HEADER]: opts.internalToken, accept: 'text/event-stream' },
          signal: abort.signal,
          bodyTimeout: 60_000, // identity writes a keep-alive every 15 s
        });
        if (res.statusCode !== 200) throw new Error(`identity answered ${res.statusCode}`);
        let buffer = '';
        for await (const chunk of res.body) {
          buffer += (chunk as Buffer).toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            apply(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (err) {
        // Once per outage (identity starting or restarting), not once per retry.
        if (!stopped && (connected || !warned)) opts.logger.warn({ err }, 'session revocation feed lost; reconnecting (sessions are checked with identity meanwhile)');
        warned = true;
      }
      if (connected) warned = false;
      connected = false;
      opts.sessions.feedLive(false);
      if (!stopped) await new Promise((r) => setTimeout(r, opts.retryMs ?? 1000).unref());
    }
  }
  void run();
  return {
    /** True while the feed is live (readiness can report it). */
    isConnected: () => connected,
    stop() {
      stopped = true;
      abort?.abort();
    },
  };
}

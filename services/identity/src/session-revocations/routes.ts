import type { Express } from 'express';
import type { RevocationRelay } from './relay';

const KEEP_ALIVE_MS = 15_000;

/**
 * The gateways' subscription (internal token only): Server-Sent Events `ready` once, then
 * `revoked` with a session id for each ended session, `resync` when some may have been missed.
 * Session ids are bearer secrets: they travel only here, never into logs.
 */
export function mountRevocationFeed(app: Express, relay: RevocationRelay): void {
  app.get('/internal/session-revocations', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    res.write('event: ready\ndata: {}\n\n');
    const unsubscribe = relay.subscribe({
      revoked: (sessionId) => res.write(`event: revoked\ndata: ${JSON.stringify({ sessionId })}\n\n`),
      resync: () => res.write('event: resync\ndata: {}\n\n'),
      closing: () => res.end(),
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
}

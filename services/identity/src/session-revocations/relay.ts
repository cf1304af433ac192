import { EventEmitter } from 'node:events';
import { listenChannel } from '@elar/db';
import type { Logger } from '@elar/logger';

/** The channel a database trigger announces each ended session on (migration `session_revoked_notify`). */
export const SESSION_REVOKED_CHANNEL = 'elar_session_revoked';

/**
 * Relays ended sessions from PostgreSQL to this replica's subscribers (the gateways' feeds). Every
 * identity replica LISTENs, so a gateway connected to any one of them hears every revocation,
 * whichever replica or path (sign-out, password change, reset, administrator reset) ended it.
 * `resync` tells subscribers that announcements may have been missed (the LISTEN reconnected).
 */
export function createRevocationRelay(opts: { databaseUrl: string; logger: Logger }) {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let listening = false;
  const listener = listenChannel({
    databaseUrl: opts.databaseUrl,
    channel: SESSION_REVOKED_CHANNEL,
    onMessage: (sessionId) => events.emit('revoked', sessionId),
    onListening() {
      if (listening) events.emit('resync');
      listening = true;
    },
    onError: (err, what) => opts.logger.warn({ err }, `session revocation relay: ${what}`),
  });
  return {
    subscribe(handlers: { revoked: (sessionId: string) => void; resync: () => void; closing: () => void }) {
      const names = ['revoked', 'resync', 'closing'] as const;
      for (const name of names) events.on(name, handlers[name]);
      return () => {
        for (const name of names) events.off(name, handlers[name]);
      };
    },
    /** Ends the subscribers' streams (so shutdown does not wait on them) and stops listening. */
    async close() {
      events.emit('closing');
      await listener.close();
    },
  };
}
export type RevocationRelay = ReturnType<typeof createRevocationRelay>;

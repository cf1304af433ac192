import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { listenChannel, poolConfigFromUrl } from '@elar/db';
import type { Logger } from '@elar/logger';

export interface StatusChange {
  applicationNumber: string;
  status: string;
  at: string;
  type: string;
}

const CHANNEL = 'elar_status_changes';

/**
 * Fans status changes out to Server-Sent Events streams on every licensing replica. A change is
 * delivered to this process's streams at once and sent to the others through PostgreSQL
 * LISTEN/NOTIFY (each replica ignores its own notifications). Without a database URL (unit tests)
 * it is in-process only; if the listening connection drops it reconnects, and in the meantime
 * streams still see their own replica's changes.
 */
export function createStatusBus(opts: { databaseUrl?: string; logger?: Logger } = {}) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const origin = randomUUID();
  let notifier: Client | undefined;
  const warn = (err: unknown, what: string) => opts.logger?.warn({ err }, `status bus: ${what}`);
  const listener = opts.databaseUrl
    ? listenChannel({
        databaseUrl: opts.databaseUrl,
        channel: CHANNEL,
        onError: warn,
        onMessage(payload) {
          const { from, change } = JSON.parse(payload) as { from: string; change: StatusChange };
          if (from !== origin) emitter.emit(change.applicationNumber, change);
        },
      })
    : undefined;

  async function connectNotifier(): Promise<Client> {
    const client = new Client(poolConfigFromUrl(opts.databaseUrl!));
    client.on('error', (err) => {
      warn(err, 'notifying connection lost');
      if (notifier === client) notifier = undefined;
    });
    await client.connect();
    return client;
  }

  return {
    publish(change: StatusChange) {
      emitter.emit(change.applicationNumber, change);
      if (!opts.databaseUrl) return;
      void (async () => {
        notifier ??= await connectNotifier();
        await notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: origin, change })]);
      })().catch((err) => opts.logger?.warn({ err }, 'status change not sent to other replicas'));
    },
    subscribe(applicationNumber: string, handler: (c: StatusChange) => void) {
      emitter.on(applicationNumber, handler);
      return () => void emitter.off(applicationNumber, handler);
    },
    async close() {
      await Promise.allSettled([listener?.close(), notifier?.end()]);
    },
  };
}
export type StatusBus = ReturnType<typeof createStatusBus>;

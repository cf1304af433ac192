import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { poolConfigFromUrl } from '@elar/db';
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
  let listener: Client | undefined;
  let notifier: Client | undefined;
  let closed = false;

  async function connect(): Promise<Client | undefined> {
    if (!opts.databaseUrl || closed) return undefined;
    const client = new Client(poolConfigFromUrl(opts.databaseUrl));
    client.on('error', (err) => {
      opts.logger?.warn({ err }, 'status bus connection lost; reconnecting');
      if (listener === client) listener = undefined;
      if (notifier === client) notifier = undefined;
      setTimeout(() => void listen(), 2000).unref();
    });
    await client.connect();
    return client;
  }

  async function listen() {
    try {
      const client = await connect();
      if (!client) return;
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        const { from, change } = JSON.parse(msg.payload) as { from: string; change: StatusChange };
        if (from !== origin) emitter.emit(change.applicationNumber, change);
      });
      await client.query(`LISTEN ${CHANNEL}`);
      listener = client;
    } catch (err) {
      opts.logger?.warn({ err }, 'status bus could not listen; retrying');
      if (!closed) setTimeout(() => void listen(), 5000).unref();
    }
  }
  void listen();

  return {
    publish(change: StatusChange) {
      emitter.emit(change.applicationNumber, change);
      if (!opts.databaseUrl) return;
      void (async () => {
        notifier ??= await connect();
        await notifier?.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: origin, change })]);
      })().catch((err) => opts.logger?.warn({ err }, 'status change not sent to other replicas'));
    },
    subscribe(applicationNumber: string, handler: (c: StatusChange) => void) {
      emitter.on(applicationNumber, handler);
      return () => void emitter.off(applicationNumber, handler);
    },
    async close() {
      closed = true;
      await Promise.allSettled([listener?.end(), notifier?.end()]);
    },
  };
}
export type StatusBus = ReturnType<typeof createStatusBus>;

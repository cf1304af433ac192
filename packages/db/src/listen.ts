import { Client } from 'pg';
import { poolConfigFromUrl } from './pool-config';

export interface ChannelListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  databaseUrl: string;
  channel: string;
  onMessage(payload: string): void;
  /** Called each time LISTEN is in place (first time and after a reconnect: messages in between were missed). */
  onListening?(): void;
  onError?(err: unknown, what: string): void;
  retryMs?: number;
}

/**
 * One connection LISTENing to a PostgreSQL channel, reconnecting when it drops. NOTIFY reaches every
 * listener of every replica at commit, which makes it the fan-out between replicas of one service.
 */
export function listenChannel(opts: ListenOptions): ChannelListener {
  let client: Client | undefined;
  let closed = false;
  const retry = () => {
    if (!closed) setTimeout(() => void connect(), opts.retryMs ?? 2000).unref();
  };
  async function connect() {
    const c = new Client(poolConfigFromUrl(opts.databaseUrl));
    c.on('error', (err) => {
      opts.onError?.(err, 'listening connection lost; reconnecting');
      if (client === c) client = undefined;
      void c.end().catch(() => undefined);
      retry();
    });
    c.on('notification', (msg) => {
      if (msg.channel === opts.channel && msg.payload !== undefined) opts.onMessage(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${opts.channel}`);
      if (closed) return void (await c.end());
      client = c;
      opts.onListening?.();
    } catch (err) {
      opts.onError?.(err, 'could not listen; retrying');
      void c.end().catch(() => undefined);
      retry();
    }
  }
  void connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

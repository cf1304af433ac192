import { AppError } from '@elar/errors';

export interface HashQueueOptions {
  /** Hashes computed at once (each scrypt takes a libuv thread and 128 MB). */
  concurrency: number;
  /** Hashes allowed to wait; one more is refused at once with 503 `busy`. */
  maxWaiting: number;
  /** Longest a hash may wait for its turn (estimated from recent hash times on admission, checked again when its turn comes). */
  maxWaitMs?: number;
}

const busy = () => new AppError(503, 'busy', 'We are handling many sign-ins right now. Please try again in a few seconds.', { retryAfterSeconds: 2 });

/**
 * A bounded queue in front of password hashing. Hashing is the one expensive thing an anonymous
 * caller can make identity do, so a flood of sign-ins must not build a backlog that every later
 * request waits behind: at most `concurrency` run; a request waits only if the queue is short and
 * its estimated wait (queue length x recent hash time) is within `maxWaitMs`; the rest get a fast
 * 503 with a retry hint instead of a long wait and a gateway timeout. The estimate follows the
 * machine: on a slow or loaded one the queue admits fewer.
 */
export function createHashQueue(opts: HashQueueOptions) {
  const maxWaitMs = opts.maxWaitMs ?? 8000;
  let running = 0;
  let recentMs = 300;
  const waiting: { resolve: () => void; since: number }[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next.resolve();
    else running--;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= opts.concurrency) {
        const estimate = ((waiting.length + 1) / opts.concurrency) * recentMs;
        if (waiting.length >= opts.maxWaiting || estimate > maxWaitMs) throw busy();
        const since = Date.now();
        await new Promise<void>((resolve) => waiting.push({ resolve, since }));
        if (Date.now() - since > maxWaitMs) {
          release();
          throw busy();
        }
      } else running++;
      const start = Date.now();
      try {
        return await work();
      } finally {
        recentMs = recentMs * 0.7 + (Date.now() - start) * 0.3;
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length, recentMs: Math.round(recentMs) }),
  };
}

export type HashQueue = ReturnType<typeof createHashQueue>;

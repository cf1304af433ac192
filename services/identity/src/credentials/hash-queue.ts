import { AppError } from '@elar/errors';

export interface HashQueueOptions {
  /** Hashes computed at once (each scrypt takes a libuv thread and 128 MB). */
  concurrency: number;
  /** Hashes allowed to wait; one more is refused at once with 503 `busy`. */
  maxWaiting: number;
}

/**
 * A bounded queue in front of password hashing. Hashing is the one expensive thing an anonymous
 * caller can make identity do, so a flood of sign-ins must not build an unbounded backlog that
 * every later request waits behind: at most `concurrency` run, at most `maxWaiting` wait, and the
 * rest get a fast 503 with a retry hint instead of a 20-second wait and a gateway timeout.
 */
export function createHashQueue(opts: HashQueueOptions) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= opts.concurrency) {
        if (waiting.length >= opts.maxWaiting) {
          throw new AppError(503, 'busy', 'We are handling many sign-ins right now. Please try again in a few seconds.', { retryAfterSeconds: 2 });
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else running++;
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

export type HashQueue = ReturnType<typeof createHashQueue>;

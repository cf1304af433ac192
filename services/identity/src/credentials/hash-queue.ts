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

/** Waiters without a lane (hashing for a new profile, a password change) share this one. */
const NO_LANE = '';

/**
 * A bounded queue in front of password hashing. Hashing is the one expensive thing an anonymous
 * caller can make identity do, so a flood of sign-ins must not build a backlog that every later
 * request waits behind: at most `concurrency` run; a request waits only if the queue is short and
 * its estimated wait (queue length x recent hash time) is within `maxWaitMs`; the rest get a fast
 * 503 with a retry hint instead of a long wait and a gateway timeout. The estimate follows the
 * machine: on a slow or loaded one the queue admits fewer.
 *
 * Turns go round the lanes (a lane is a client source): a freed slot goes to the lane that has
 * waited longest since its last turn, so a flood from one source waits behind itself and a person
 * signing in from elsewhere gets the next free slot, not the end of the flood's queue.
 */
export function createHashQueue(opts: HashQueueOptions) {
  const maxWaitMs = opts.maxWaitMs ?? 8000;
  let running = 0;
  let waitingCount = 0;
  let recentMs = 300;
  /** Waiters per lane; a Map iterates in insertion order, so re-inserting a lane sends it to the back. */
  const lanes = new Map<string, (() => void)[]>();
  const release = () => {
    const next = lanes.entries().next();
    if (next.done) {
      running--;
      return;
    }
    const [lane, waiters] = next.value;
    lanes.delete(lane);
    const resolve = waiters.shift()!;
    if (waiters.length) lanes.set(lane, waiters);
    waitingCount--;
    resolve();
  };
  return {
    async run<T>(work: () => Promise<T>, lane: string = NO_LANE): Promise<T> {
      if (running >= opts.concurrency) {
        const estimate = ((waitingCount + 1) / opts.concurrency) * recentMs;
        if (waitingCount >= opts.maxWaiting || estimate > maxWaitMs) throw busy();
        const since = Date.now();
        await new Promise<void>((resolve) => {
          lanes.set(lane, [...(lanes.get(lane) ?? []), resolve]);
          waitingCount++;
        });
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
    stats: () => ({ running, waiting: waitingCount, recentMs: Math.round(recentMs) }),
  };
}

export type HashQueue = ReturnType<typeof createHashQueue>;

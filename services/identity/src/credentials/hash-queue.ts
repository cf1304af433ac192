import { AppError } from '@elar/errors';

export interface HashQueueOptions {
  /** Hashes computed at once (each scrypt takes a libuv thread and 128 MB). */
  concurrency: number;
  /** Hashes allowed to wait; one more is refused at once with 503 `busy`. */
  maxWaiting: number;
  /** Longest a hash may wait for its turn (estimated from recent hash times on admission, checked again when its turn comes). */
  maxWaitMs?: number;
  /** Hashes one client source may have running at once (default: half of `concurrency`, at least 1). */
  maxRunningPerLane?: number;
}

const busy = () => new AppError(503, 'busy', 'We are handling many sign-ins right now. Please try again in a few seconds.', { retryAfterSeconds: 2 });

/** Hashing without a client source (a new profile's, a password change's): not capped per lane. */
const NO_LANE = '';

/**
 * A bounded queue in front of password hashing. Hashing is the one expensive thing an anonymous
 * caller can make identity do, so a flood of sign-ins must not build a backlog that every later
 * request waits behind: at most `concurrency` run; a request waits only if the queue is short and
 * its estimated wait (queue length x recent hash time) is within `maxWaitMs`; the rest get a fast
 * 503 with a retry hint instead of a long wait and a gateway timeout. The estimate follows the
 * machine: on a slow or loaded one the queue admits fewer.
 *
 * Lanes (a lane is a client source) keep a flood from one source behind itself: one source runs at
 * most `maxRunningPerLane` hashes at once, so a slot stays free for everyone else, and freed slots
 * go round the waiting lanes, the one that has waited longest since its last turn first. A person
 * signing in from elsewhere starts at once or after one hash, never at the end of the flood's queue.
 */
export function createHashQueue(opts: HashQueueOptions) {
  const maxWaitMs = opts.maxWaitMs ?? 8000;
  const perLane = opts.maxRunningPerLane ?? Math.max(1, Math.floor(opts.concurrency / 2));
  let running = 0;
  let waitingCount = 0;
  let recentMs = 300;
  const runningIn = new Map<string, number>();
  /** Waiters per lane; a Map iterates in insertion order, so re-inserting a lane sends it to the back. */
  const lanes = new Map<string, (() => void)[]>();
  const laneHasRoom = (lane: string) => lane === NO_LANE || (runningIn.get(lane) ?? 0) < perLane;
  const take = (lane: string) => {
    running++;
    runningIn.set(lane, (runningIn.get(lane) ?? 0) + 1);
  };
  const dispatch = () => {
    for (const [lane, waiters] of lanes) {
      if (running >= opts.concurrency) return;
      if (!laneHasRoom(lane)) continue;
      lanes.delete(lane);
      const resolve = waiters.shift()!;
      if (waiters.length) lanes.set(lane, waiters);
      waitingCount--;
      take(lane);
      resolve();
    }
  };
  const release = (lane: string) => {
    running--;
    const left = (runningIn.get(lane) ?? 1) - 1;
    if (left) runningIn.set(lane, left);
    else runningIn.delete(lane);
    dispatch();
  };
  return {
    async run<T>(work: () => Promise<T>, lane: string = NO_LANE): Promise<T> {
      if (running < opts.concurrency && laneHasRoom(lane) && !lanes.has(lane)) take(lane);
      else {
        const estimate = ((waitingCount + 1) / opts.concurrency) * recentMs;
        if (waitingCount >= opts.maxWaiting || estimate > maxWaitMs) throw busy();
        const since = Date.now();
        await new Promise<void>((resolve) => {
          lanes.set(lane, [...(lanes.get(lane) ?? []), resolve]);
          waitingCount++;
        });
        if (Date.now() - since > maxWaitMs) {
          release(lane);
          throw busy();
        }
      }
      const start = Date.now();
      try {
        return await work();
      } finally {
        recentMs = recentMs * 0.7 + (Date.now() - start) * 0.3;
        release(lane);
      }
    },
    stats: () => ({ running, waiting: waitingCount, recentMs: Math.round(recentMs) }),
  };
}

export type HashQueue = ReturnType<typeof createHashQueue>;

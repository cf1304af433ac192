import type { Logger } from '@elar/logger';

/**
 * Work done after the answer has gone out, one job at a time, so how long a request takes never
 * depends on what the job does (for a reset code: whether an account exists and an email is sent).
 * In-process: a job lost to a crash means the person asks again; nothing is sent twice, because
 * each email has its idempotency key.
 */
export function createBackgroundQueue(logger: Logger, name: string) {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    push(job: () => Promise<void>) {
      pending++;
      tail = tail
        .then(job)
        .catch((err) => logger.error({ err, queue: name }, 'background job failed'))
        .finally(() => {
          pending--;
        });
    },
    /** Resolves once every job pushed so far has finished (tests, shutdown). */
    drained: () => tail,
    pending: () => pending,
  };
}

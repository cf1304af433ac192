import { tooManyRequests } from '@elar/errors';

/**
 * At most `perSource` sign-ins in flight from one client address in this process: a flood from
 * one address waits behind itself (fast 429), not in front of everyone else in the hash queue.
 */
export function createSourceSlots(perSource: number) {
  const inFlight = new Map<string, number>();
  return {
    async run<T>(source: string | undefined, work: () => Promise<T>): Promise<T> {
      if (!source) return work();
      const n = inFlight.get(source) ?? 0;
      if (n >= perSource) {
        throw tooManyRequests('too-many-concurrent-sign-ins', 'Too many sign-ins at once from your network. Please try again in a moment.', { retryAfterSeconds: 1 });
      }
      inFlight.set(source, n + 1);
      try {
        return await work();
      } finally {
        const left = (inFlight.get(source) ?? 1) - 1;
        if (left) inFlight.set(source, left);
        else inFlight.delete(source);
      }
    },
  };
}

import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@elar/errors';
import type { Logger } from '@elar/logger';
import { countEach, createLeasedCounter, type Taken } from './rate-limit-leases';

/** One limit: `perMinute` requests per client address, counted under its name. */
export interface Limit {
  /** Counts one request of `clientAddress`, with the RateLimit headers on `res`; rejects with 429 `rate-limited` over the limit. */
  consume(clientAddress: string, res: ServerResponse): Promise<void>;
  /** The same as Express middleware (the address is `req.ip`). */
  middleware: RequestHandler;
}

export interface RateLimits {
  perMinute(name: string, perMinute: number): Limit;
  /** `redis` when counts are shared by every gateway replica, `memory` when they are this process's own. */
  readonly store: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Rate limits counted in Redis, so every gateway replica sees the same counts (a client spreading
 * requests over replicas gets no more; high limits are taken from Redis a few points at a time,
 * ./rate-limit-leases.ts). Without REDIS_URL (local `npm start` only: production
 * refuses to start without it) each process counts alone. If Redis stops answering, each replica
 * falls back to its own in-memory count until it is back, rather than refusing every request.
 */
export async function createRateLimits(opts: { redisUrl?: string; logger: Logger; keyPrefix?: string }): Promise<RateLimits> {
  let redis: Redis | undefined;
  if (opts.redisUrl) {
    // Auto-pipelining: the counts of requests arriving in the same tick go to Redis in one write.
    redis = new Redis(opts.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5000, enableAutoPipelining: true });
    redis.on('error', (err) => opts.logger.warn({ errorCode: (err as { code?: string }).code }, 'rate-limit store (Redis) error'));
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      throw new Error(`REDIS_URL: cannot connect to the rate-limit store (${(err as Error).message})`);
    }
  }
  const prefix = opts.keyPrefix ?? 'elar:rl';
  const make = (name: string, points: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis, keyPrefix: `${prefix}:${name}`, points, duration: 60,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${prefix}:${name}:insurance`, points, duration: 60 }),
        })
      : new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points, duration: 60 });

  return {
    store: redis ? 'redis' : 'memory',
    perMinute(name, perMinute) {
      // Leases save a round trip to Redis; a count in this process has none to save.
      const take = redis ? createLeasedCounter(make(name, perMinute), perMinute) : countEach(make(name, perMinute));
      const policy = `"${name}";q=${perMinute};w=60`;
      const headers = (res: ServerResponse, r: Taken) => {
        res.setHeader('ratelimit-policy', policy);
        res.setHeader('ratelimit', `"${name}";r=${Math.max(0, r.remaining)};t=${Math.ceil(r.msBeforeNext / 1000)}`);
      };
      const consume = (clientAddress: string, res: ServerResponse) =>
        take(clientAddress).then(
          (r) => headers(res, r),
          (r: unknown) => {
            if (!(r instanceof RateLimiterRes)) throw r;
            headers(res, { remaining: 0, msBeforeNext: r.msBeforeNext });
            throw new AppError(429, 'rate-limited', 'Too many requests; slow down and try again in a minute.', { retryAfterSeconds: Math.ceil(r.msBeforeNext / 1000) });
          },
        );
      return { consume, middleware: (req, res, next) => void consume(req.ip ?? 'unknown', res).then(() => next(), next) };
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

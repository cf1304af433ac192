import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { freePort, startPrivateRedis, type PrivateRedis } from '@elar/devstack';
import { Redis } from 'ioredis';
import { AppError } from '@elar/errors';
import { createLogger } from '@elar/logger';
import { createRateLimits, type Limit, type RateLimits } from './rate-limits';

/** Two gateway replicas counting in one real Redis, as in production. */
let redis: PrivateRedis;
const replicas: RateLimits[] = [];
beforeAll(async () => {
  redis = await startPrivateRedis({ port: await freePort(), output: null });
  const logger = createLogger('rate-limits-test', 'silent');
  const keyPrefix = `test-${randomBytes(4).toString('hex')}`;
  for (let i = 0; i < 2; i++) replicas.push(await createRateLimits({ redisUrl: redis.url, logger, keyPrefix }));
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
  await redis?.stop();
});

const response = () => {
  const headers = new Map<string, string>();
  return { headers, res: { setHeader: (k: string, v: string) => headers.set(k, v) } as unknown as ServerResponse };
};

/** Sends `count` requests of one client, alternating between the limits given; returns how many got through. */
async function send(limits: Limit[], client: string, count: number) {
  let served = 0;
  let refused: AppError | undefined;
  for (let i = 0; i < count; i++) {
    try {
      await limits[i % limits.length]!.consume(client, response().res);
      served++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused = err;
    }
  }
  return { served, refused };
}

describe('rate limits shared by gateway replicas', () => {
  it('a client spreading requests over two replicas gets no more than the limit, and at most a block less', async () => {
    // 1,000 a minute: each replica takes 10 points from Redis at a time.
    const limits = replicas.map((r) => r.perMinute('api', 1000));
    const { served, refused } = await send(limits, '203.0.113.7', 1100);
    expect(served).toBeLessThanOrEqual(1000);
    expect(served).toBeGreaterThanOrEqual(1000 - 9);
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe('rate-limited');
    // Another client's count is its own.
    expect((await send(limits, '203.0.113.8', 5)).served).toBe(5);
  });

  it('concurrent requests of one client on one replica share its block instead of each taking one', async () => {
    const [limit] = replicas.map((r) => r.perMinute('burst', 1000));
    const results = await Promise.allSettled(Array.from({ length: 1000 }, () => limit!.consume('198.51.100.1', response().res)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1000);
    await expect(limit!.consume('198.51.100.1', response().res)).rejects.toMatchObject({ status: 429 });
  });

  it('a high limit costs Redis one round trip per block of requests, not one per request', async () => {
    const commands = async () => {
      const probe = new Redis(redis.url);
      const info = await probe.info('stats');
      probe.disconnect();
      return Number(/total_commands_processed:(\d+)/.exec(info)![1]);
    };
    const limit = replicas[0]!.perMinute('round-trips', 100_000);
    const before = await commands();
    expect((await send([limit], '198.51.100.2', 1000)).served).toBe(1000);
    // Counting one request is a transaction of 4 commands: one per request would be 4,000; in blocks of 10 about 400.
    expect((await commands()) - before).toBeLessThan(1000);
  });

  it('low limits (sign-in) count every request in Redis: the limit exactly, across replicas', async () => {
    const limits = replicas.map((r) => r.perMinute('sign-in', 30));
    expect((await send(limits, '192.0.2.44', 40)).served).toBe(30);
  });

  it('answers tell the client its limit and what is left of it', async () => {
    const limit = replicas[0]!.perMinute('headers', 600);
    const first = response();
    await limit.consume('192.0.2.99', first.res);
    expect(first.headers.get('ratelimit-policy')).toBe('"headers";q=600;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^"headers";r=599;t=(59|60)$/);
    const second = response();
    await limit.consume('192.0.2.99', second.res);
    expect(second.headers.get('ratelimit')).toMatch(/^"headers";r=598;t=(59|60)$/);
  });
});

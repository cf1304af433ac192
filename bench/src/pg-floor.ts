import pg from 'pg';
import { sqlRows, type Statement } from '@elar/db';
import type { CpuMeter } from './cpu-share';
import { percentile } from './stats';

/**
 * The database's speed for one query: the service's own statement (prepared, as the service runs
 * it) through `pg` from this process, a pool of `poolSize` (the services' default) kept busy by
 * `connections` concurrent callers for a fixed time; with `meter`, where the CPU went meanwhile.
 */
export async function pgFloor(
  databaseUrl: string, sql: Statement, values: unknown[],
  opts: { connections: number; seconds: number; poolSize?: number; meter?: () => CpuMeter },
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  const latencies: number[] = [];
  let errors = 0;
  try {
    // Every connection opened first, so the timed part (and its CPU accounting) sees the same backends throughout.
    await Promise.all(Array.from({ length: opts.connections }, () => sqlRows(pool, sql, values)));
    const until = Date.now() + opts.seconds * 1000;
    const started = performance.now();
    const meter = opts.meter?.();
    await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          try {
            const rows = await sqlRows(pool, sql, values);
            if (rows.length === 0) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = meter?.stop()(latencies.length) ?? {};
    return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, errors, cpu };
  } finally {
    await pool.end();
  }
}

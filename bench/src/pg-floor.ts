import pg from 'pg';
import { sqlRows } from '@elar/db';
import { percentile } from './stats';

/**
 * The database's speed for one query: the service's own SQL through `pg` from this process, a pool
 * of `poolSize` (the services' default) kept busy by `connections` concurrent callers for a fixed time.
 */
export async function pgFloor(databaseUrl: string, sql: string, values: unknown[], opts: { connections: number; seconds: number; poolSize?: number }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + opts.seconds * 1000;
  const started = performance.now();
  try {
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
  } finally {
    await pool.end();
  }
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, errors };
}

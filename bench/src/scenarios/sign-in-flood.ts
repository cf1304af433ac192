import { Pool } from 'undici';
import type { Stack } from '@elar/devstack';
import type { Actor, Api } from '../actors';
import type { Row } from '../report';
import { paced, percentile } from '../stats';

/**
 * Status reads through the gateway at a steady rate (people polling their application: `readRate`
 * per second, evenly spaced, over a pool of `connections`), alone, then the same reads while
 * `flooders` loops sign in as fast as they can (each sign-in is an scrypt verification in identity).
 * Goal: the reads' p99 under the flood within 1.5x of their p99 without it.
 *
 * The reads are paced here (`paced`: one every 1/readRate s, open loop), not by autocannon's rate
 * option: that sends each second's quota at the top of the second, back to back, so its p99 is the
 * queue of that burst (28-40 ms "alone" at 200/s on this machine), not what a poll costs.
 */
export async function signInFlood(
  stack: Stack, api: Api, educator: Actor, applicationNumber: string,
  opts: { connections: number; seconds: number; flooders: number; readRate: number },
): Promise<Row[]> {
  const pool = new Pool(stack.gatewayUrl, { connections: opts.connections, pipelining: 1 });
  try {
    const path = `/api/v1/applications/${applicationNumber}`;
    const read = async () => {
      const res = await pool.request({ method: 'GET', path, headers: educator.gatewayHeaders });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`status read answered ${res.statusCode}`);
    };
    const reads = (seconds: number) => paced(opts.readRate, seconds, read);
    await reads(2);
    const quiet = await reads(opts.seconds);
    const until = Date.now() + opts.seconds * 1000;
    const signIns: number[] = [];
    let refused = 0;
    const flood = Promise.all(
      Array.from({ length: opts.flooders }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          const r = await api.call('POST', '/auth/sign-in', { username: educator.username, password: educator.password });
          if (r.status === 200) signIns.push(performance.now() - t);
          else refused++;
        }
      }),
    );
    const flooded = await reads(opts.seconds);
    await flood;
    const scenario = `sign-in flood (${opts.flooders} at once) next to status reads`;
    return [
      { scenario, figure: 'reads p99 alone', value: quiet.p99, unit: 'ms', note: `${opts.readRate} req/s, p50 ${quiet.p50.toFixed(1)} ms, ${quiet.failures.length} failed` },
      { scenario, figure: 'reads p99 under flood', value: flooded.p99, unit: 'ms', note: `${opts.readRate} req/s, p50 ${flooded.p50.toFixed(1)} ms, ${flooded.failures.length} failed` },
      { scenario, figure: 'flood p99 / alone p99', value: flooded.p99 / Math.max(1, quiet.p99), unit: 'x', goal: { op: '<=', value: 1.5 } },
      { scenario, figure: 'failed reads', value: quiet.failures.length + flooded.failures.length, unit: '', goal: { op: '<=', value: 0 } },
      { scenario, figure: 'sign-ins', value: signIns.length / opts.seconds, unit: '/s', note: `p99 ${percentile(signIns, 99).toFixed(0)} ms, ${refused} refused` },
    ];
  } finally {
    await pool.close();
  }
}

import type { Stack } from '@elar/devstack';
import type { Actor, Api } from '../actors';
import { measure } from '../measure';
import type { Row } from '../report';
import { percentile } from '../stats';

/**
 * Status reads through the gateway at a steady rate (people polling their application: `readRate`
 * per second over `connections`), alone, then the same reads while `flooders` loops sign in as fast
 * as they can (each sign-in is an scrypt verification in identity). Goal: the reads' p99 under the
 * flood within 1.5x of their p99 without it.
 */
export async function signInFlood(
  stack: Stack, api: Api, educator: Actor, applicationNumber: string,
  opts: { connections: number; seconds: number; flooders: number; readRate: number },
): Promise<Row[]> {
  const url = `${stack.gatewayUrl}/api/v1/applications/${applicationNumber}`;
  const load = { connections: opts.connections, durationSeconds: opts.seconds, rate: opts.readRate };
  await measure('warm-up', url, educator.gatewayHeaders, { ...load, durationSeconds: 2 });
  const quiet = await measure('reads alone', url, educator.gatewayHeaders, load);
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
  const flooded = await measure('reads under flood', url, educator.gatewayHeaders, load);
  await flood;
  const scenario = `sign-in flood (${opts.flooders} at once) next to status reads`;
  return [
    { scenario, figure: 'reads p99 alone', value: quiet.latencyP99Ms, unit: 'ms', note: `${quiet.requestsPerSecond.toFixed(0)} req/s` },
    { scenario, figure: 'reads p99 under flood', value: flooded.latencyP99Ms, unit: 'ms', note: `${flooded.requestsPerSecond.toFixed(0)} req/s, ${flooded.non2xx + flooded.errors} failed` },
    { scenario, figure: 'flood p99 / alone p99', value: flooded.latencyP99Ms / Math.max(1, quiet.latencyP99Ms), unit: 'x', goal: { op: '<=', value: 1.5 } },
    { scenario, figure: 'sign-ins', value: signIns.length / opts.seconds, unit: '/s', note: `p99 ${percentile(signIns, 99).toFixed(0)} ms, ${refused} refused` },
  ];
}

// `npm run bench`: the gateway hop, measured. Starts the whole stack (@elar/devstack, mode 'test'),
// then loads GET /me of identity directly (internal token + principal, as the gateway forwards it)
// and the same route through the gateway (bearer token), each for a bounded time on loopback, and
// prints req/s, latency and the gateway/direct ratio. Numbers from this machine: bench/README.md.
import { startStack } from '@elar/devstack';
import { signedInCaller } from './caller';
import { measure, type Load, type Measurement } from './measure';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const load: Load = { durationSeconds: seconds, connections: Number(process.env.BENCH_CONNECTIONS ?? 16) };
const warmUp: Load = { durationSeconds: 2, connections: load.connections };
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const mean = (runs: Measurement[]) => runs.reduce((sum, m) => sum + m.requestsPerSecond, 0) / runs.length;

const row = (m: Measurement) =>
  `${m.label.padEnd(22)} ${m.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(m.latencyP50Ms).padStart(4)} ms   p99 ${String(m.latencyP99Ms).padStart(4)} ms   ${m.requests} requests, ${m.non2xx} non-2xx, ${m.errors} errors`;

async function main() {
  const stack = await startStack({
    mode: 'test',
    postgresServerUrl: process.env.TEST_DATABASE_URL,
    output: null,
    // Request logs at warn (as in the e2e tests) and a rate limit the benchmark cannot reach.
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', SIGN_IN_CODE: 'off' }, // the hop is measured, not sign-in
  });
  try {
    const caller = await signedInCaller(stack);
    const direct = `${stack.env.IDENTITY_URL}/me`;
    const viaGateway = `${stack.gatewayUrl}/api/v1/me`;
    await measure('warm-up', direct, caller.serviceHeaders, warmUp);
    await measure('warm-up', viaGateway, caller.gatewayHeaders, warmUp);
    // Rounds alternate the order, so neither target always runs on a warmer (or busier) machine.
    const directRuns: Measurement[] = [];
    const gatewayRuns: Measurement[] = [];
    for (let round = 0; round < rounds; round++) {
      const runDirect = async () => directRuns.push(await measure('identity GET /me', direct, caller.serviceHeaders, load));
      const runGateway = async () => gatewayRuns.push(await measure('gateway GET /api/v1/me', viaGateway, caller.gatewayHeaders, load));
      if (round % 2 === 0) await runDirect().then(runGateway);
      else await runGateway().then(runDirect);
    }
    process.stdout.write(`${load.connections} connections, ${load.durationSeconds} s per run, ${rounds} rounds, loopback\n`);
    for (const m of [...directRuns, ...gatewayRuns]) process.stdout.write(`${row(m)}\n`);
    const d = mean(directRuns);
    const g = mean(gatewayRuns);
    process.stdout.write(`mean: direct ${d.toFixed(0)} req/s, gateway ${g.toFixed(0)} req/s; gateway / direct throughput: ${(g / d).toFixed(2)}x\n`);
    const failures = [...directRuns, ...gatewayRuns].reduce((n, m) => n + m.non2xx + m.errors, 0);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

// `npm run bench`: the system's benchmark (not part of `npm test`). Starts the whole stack
// (@elar/devstack, mode 'test', PostgreSQL from TEST_DATABASE_URL), runs each scenario for a bounded
// time on loopback, prints one table and writes bench/results.json. What each figure means and the
// numbers from this machine: bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, startStack } from '@elar/devstack';
import { educator, evaluator, gatewayApi, readyToSubmit, submit, type Actor } from './actors';
import { buildDeployables } from './processes';
import { formatTable, machine, meets, writeResults, type Row } from './report';
import { startsAndDecisions } from './scenarios/decisions';
import { gatewayAt50, readPath } from './scenarios/read-path';
import { signInFlood } from './scenarios/sign-in-flood';
import { sseFanout } from './scenarios/sse-fanout';
import { workerMemory } from './scenarios/worker-memory';
import { workflowThroughput } from './scenarios/workflow-throughput';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  seconds: num('BENCH_SECONDS', 5),
  connections: num('BENCH_CONNECTIONS', 16),
  workflowSeconds: num('BENCH_WORKFLOW_SECONDS', 8),
  levels: (process.env.BENCH_LEVELS ?? '1,4,16').split(',').map(Number),
  rate: num('BENCH_RATE', 10),
  rateCount: num('BENCH_RATE_COUNT', 30),
  flooders: num('BENCH_FLOODERS', 8),
  floodReadRate: num('BENCH_FLOOD_READ_RATE', 200),
  streams: num('BENCH_STREAMS', 1000),
  waiting: (process.env.BENCH_WAITING ?? '500,1000').split(',').map(Number),
};
const only = process.env.BENCH_ONLY?.split(',');
const runs = (name: string) => !only || only.includes(name);

async function main() {
  const startedAt = new Date();
  const before = machine();
  buildDeployables();
  const stack = await startStack({
    mode: 'test',
    compiled: true,
    postgresServerUrl: process.env.TEST_DATABASE_URL,
    output: null,
    // Request logs at warn (as in the e2e tests), rate limits the benchmark cannot reach, and sign-in
    // without emailed codes (the flood measures password hashing).
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000', SIGN_IN_CODE: 'off' },
  });
  const rows: Row[] = [];
  const api = gatewayApi(stack);
  const say = (what: string) => process.stderr.write(`bench | ${new Date().toISOString().slice(11, 19)} ${what}\n`);
  try {
    say('signing people in');
    const educators: Actor[] = [await educator(stack, api), await educator(stack, api)];
    const evaluators: Actor[] = [await evaluator(stack, api), await evaluator(stack, api)];
    const [edu, eva] = [educators[0]!, evaluators[0]!];
    const status = await readyToSubmit(api, edu);
    await submit(api, edu, status);

    if (runs('read')) {
      say('read path');
      rows.push(...(await readPath(stack, { educator: edu, evaluator: eva, applicationNumber: status, connections: settings.connections, seconds: settings.seconds })));
      rows.push(...(await gatewayAt50(stack, edu, settings.seconds)));
    }
    if (runs('flood')) {
      say('sign-in flood');
      rows.push(...(await signInFlood(stack, api, edu, status, { connections: 8, seconds: settings.seconds, flooders: settings.flooders, readRate: settings.floodReadRate })));
    }
    if (runs('decisions')) {
      say('workflow starts and Updates at a steady rate');
      rows.push(...(await startsAndDecisions(api, edu, eva, settings.rate, settings.rateCount)));
    }
    if (runs('sse')) {
      say('SSE fan-out');
      const apps: string[] = [];
      for (let i = 0; i < 10; i++) apps.push(await readyToSubmit(api, edu));
      for (const n of apps) await submit(api, edu, n);
      rows.push(...(await sseFanout(stack, api, eva, apps, settings.streams)));
    }
    if (runs('throughput')) {
      say('workflow throughput');
      rows.push(...(await workflowThroughput(stack, api, { educators, evaluators }, settings.levels, settings.workflowSeconds)));
    }
    if (runs('memory')) {
      say('worker memory');
      rows.push(...(await workerMemory(stack, settings.waiting)));
    }
  } finally {
    // Each process's last lines (warnings and errors: logs are at warn), to explain any failure.
    const logs = join(PROJECT_ROOT, '.data', 'bench-logs');
    mkdirSync(logs, { recursive: true });
    for (const [name, proc] of Object.entries(stack.processes)) writeFileSync(join(logs, `${name}.log`), proc.recentOutput());
    await api.close();
    await stack.stop();
  }
  const table = formatTable(rows);
  process.stdout.write(`\n${table}\n\nmachine: ${JSON.stringify(before)}; load after: ${JSON.stringify(machine().loadavg)}\n`);
  writeResults(join(__dirname, '..', 'results.json'), startedAt, rows, { settings, machineBefore: before, machineAfter: machine() });
  if (!rows.every(meets)) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

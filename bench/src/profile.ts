// `npm run profile -w @elar/bench`: CPU profiles (V8 sampling profiler, as node --cpu-prof) of identity, licensing and the
// gateway while autocannon loads the hot reads, each summarized as self time per package. The raw
// `.cpuprofile` files stay in BENCH_PROFILE_DIR (default .data/profiles/<time>) for Chrome DevTools.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, startStack, type Stack } from '@elar/devstack';
import { draftApplication, educator, evaluator, gatewayApi } from './actors';
import { formatSummary, summarizeFolder } from './cpu-profile';
import { measure, type Load } from './measure';

const dir = process.env.BENCH_PROFILE_DIR ?? join(PROJECT_ROOT, '.data', 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
const load: Load = { durationSeconds: Number(process.env.BENCH_SECONDS ?? 5), connections: Number(process.env.BENCH_CONNECTIONS ?? 16) };

/**
 * SIGUSR2 starts the preloaded profiler in each service (and any child it has). The services run
 * their TypeScript through tsx here, so profiles name source files (the benchmark runs the bundles).
 */
function startProfilers(stack: Stack) {
  const childrenOf = (pid: number) =>
    readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  for (const name of ['identity', 'licensing', 'gateway']) {
    const pid = stack.processes[name]!.child.pid!;
    for (const p of [pid, ...childrenOf(pid)]) process.kill(p, 'SIGUSR2');
  }
}

async function main() {
  mkdirSync(dir, { recursive: true });
  const stack = await startStack({
    mode: 'test',
    postgresServerUrl: process.env.TEST_DATABASE_URL,
    output: null,
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', SIGN_IN_CODE: 'off', NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profiler-preload.cjs')}`, ELAR_CPU_PROFILE_DIR: dir },
  });
  try {
    const api = gatewayApi(stack);
    const edu = await educator(stack, api);
    const eva = await evaluator(stack, api);
    const n = await draftApplication(api, edu);
    await api.close();
    startProfilers(stack);
    const targets = [
      ['identity GET /me', `${stack.env.IDENTITY_URL}/me`, edu.serviceHeaders],
      ['gateway GET /me', `${stack.gatewayUrl}/api/v1/me`, edu.gatewayHeaders],
      ['licensing GET /applications/{n}', `${stack.env.LICENSING_URL}/applications/${n}`, edu.serviceHeaders],
      ['gateway GET /applications/{n}', `${stack.gatewayUrl}/api/v1/applications/${n}`, edu.gatewayHeaders],
      ['licensing GET /review/queue', `${stack.env.LICENSING_URL}/review/queue`, eva.serviceHeaders],
      ['gateway GET /catalog', `${stack.gatewayUrl}/api/v1/catalog`, {}],
    ] as const;
    const only = process.env.BENCH_PROFILE_ONLY;
    for (const [label, url, headers] of targets.filter(([label]) => !only || label.includes(only))) {
      const m = await measure(label, url, headers, load);
      process.stdout.write(`${label.padEnd(34)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${m.latencyP99Ms} ms  ${m.non2xx + m.errors} failed\n`);
    }
  } finally {
    await stack.stop();
  }
  for (const s of summarizeFolder(dir).filter((x) => ['identity', 'licensing', 'gateway'].includes(x.service))) {
    process.stdout.write(`\n${formatSummary(s)}\n`);
  }
  process.stdout.write(`\nprofiles: ${dir}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

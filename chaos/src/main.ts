import { startChaosStack, type ChaosStack } from './chaos-stack';
import { passed, table, type Row } from './report';
import { flakyServices } from './scenarios/flaky-services';
import { serviceRestarts } from './scenarios/service-restarts';
import { temporalRestart } from './scenarios/temporal-restart';
import { twiceAtOnce } from './scenarios/twice-at-once';
import { workerKills } from './scenarios/worker-kills';

const scale = Number(process.env.CHAOS_SCALE ?? 1);
const n = (full: number) => Math.max(1, Math.round(full * scale));
const say = (what: string) => process.stderr.write(`chaos | ${new Date().toISOString().slice(11, 19)} ${what}\n`);

/** Each scenario bounded in count (scaled by CHAOS_SCALE) and time (each step of each item gives up after msPerStep). */
const SCENARIOS: Record<string, (c: ChaosStack) => Promise<Row>> = {
  r1: (c) => workerKills(c, { people: n(20), kills: 4, everyMs: 10_000, msPerStep: 300_000 }),
  r2: (c) => temporalRestart(c, { waiting: n(50), corresponding: n(10), downMs: 10_000, msPerStep: 240_000 }),
  r3: (c) => flakyServices(c, { people: n(12), windowMs: n(120) * 1000, rate: 0.1, msPerStep: 240_000 }),
  r5: (c) => twiceAtOnce(c, { people: n(5) }),
  restarts: (c) => serviceRestarts(c, { people: n(8), gapMs: 4000, msPerStep: 240_000 }),
};

async function main() {
  const only = process.argv.slice(2);
  const chosen = Object.keys(SCENARIOS).filter((k) => !only.length || only.includes(k));
  const started = Date.now();
  say('starting the stack');
  const c = await startChaosStack();
  // Ctrl-C or a timeout's SIGTERM still stops every process the stack started.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the stack`);
      void c.stop().finally(() => process.exit(130));
    });
  }
  const rows: Row[] = [];
  try {
    for (const key of chosen) {
      say(`running ${key}`);
      const row = await SCENARIOS[key]!(c);
      rows.push(row);
      say(`${key}: ${JSON.stringify(row)}`);
    }
  } finally {
    await c.stop();
  }
  process.stdout.write(`\n${table(rows)}\n\n(${((Date.now() - started) / 60_000).toFixed(1)} min in all; CHAOS_SCALE=${scale})\n`);
  for (const r of rows) for (const note of r.notes ?? []) process.stdout.write(`${r.scenario}: ${note}\n`);
  if (!rows.every(passed)) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});

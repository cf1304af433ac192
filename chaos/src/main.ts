import { startChaosStack } from './chaos-stack';
import { passed, table, type Row } from './report';
import { twiceAtOnce } from './scenarios/twice-at-once';
import { workerKills } from './scenarios/worker-kills';

const scale = Number(process.env.CHAOS_SCALE ?? 1);
const n = (full: number) => Math.max(1, Math.round(full * scale));
const say = (what: string) => process.stderr.write(`chaos | ${new Date().toISOString().slice(11, 19)} ${what}\n`);

const SCENARIOS: Record<string, (c: Awaited<ReturnType<typeof startChaosStack>>) => Promise<Row>> = {
  r5: (c) => twiceAtOnce(c, { people: n(5) }),
  r1: (c) => workerKills(c, { people: n(20), kills: 8, everyMs: 4000, msPerStep: 180_000 }),
};

async function main() {
  const only = process.argv.slice(2);
  const chosen = Object.keys(SCENARIOS).filter((k) => !only.length || only.includes(k));
  const started = Date.now();
  say('starting the stack');
  const c = await startChaosStack();
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

import type { ChaosStack } from '../chaos-stack';
import { failedWorkflows } from '../effects';
import type { FaultKind } from '../fault-proxy';
import { outcomeOf, startPipelines, type Progress } from '../pipelines';
import type { Row } from '../report';
import { educators } from '../workloads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KINDS: FaultKind[] = ['refuse', 'lose-answer', 'hang'];

/**
 * R3: for a window, identity and licensing fail 10% of their internal calls (from the worker, from
 * each other, from the gateway's sign-in): refused, answered but cut off (the effect happened, the
 * caller cannot know), or held until the caller times out. Educators start their application and
 * order one after another through the window. Afterwards everything must complete, once.
 */
export async function flakyServices(c: ChaosStack, opts: { people: number; windowMs: number; rate: number; msPerStep: number }): Promise<Row> {
  const people = await educators(c, opts.people);
  const failedBefore = await failedWorkflows(c);
  c.api.resetTally();
  const before = { identity: c.proxies.identity.stats(), licensing: c.proxies.licensing.stats() };
  const settings = { rate: opts.rate, kinds: KINDS, hangMs: 12_000 };
  c.proxies.identity.on(settings);
  c.proxies.licensing.on(settings);
  const windowEnds = Date.now() + opts.windowMs;
  const progress: Progress[] = [];
  const runs: Promise<number>[] = [];
  try {
    for (const who of people) {
      const run = startPipelines(c, [who], opts.msPerStep);
      progress.push(...run.progress);
      runs.push(run.done);
      await sleep(Math.max(0, opts.windowMs / people.length - 500));
    }
    await sleep(Math.max(0, windowEnds - Date.now()));
  } finally {
    c.proxies.identity.off();
    c.proxies.licensing.off();
  }
  const faultsEnded = Date.now();
  const end = Math.max(...(await Promise.all(runs)));
  const o = await outcomeOf(c, progress, failedBefore);
  const count = (name: 'identity' | 'licensing') => {
    const now = c.proxies[name].stats();
    const injected = KINDS.map((k) => now.faults[k] - before[name].faults[k]);
    return { calls: now.calls - before[name].calls, injected };
  };
  const id = count('identity');
  const lic = count('licensing');
  const total = (k: number) => id.injected[k]! + lic.injected[k]!;
  return {
    scenario: `R3 ${Math.round(opts.rate * 100)}% of internal calls fail or hang`,
    inFlight: `${opts.people} applications, then ${opts.people} orders, started through ${opts.windowMs / 1000} s`,
    completed: o.completed,
    duplicates: o.duplicates,
    lost: o.lost,
    recoverSeconds: Math.max(0, (end - faultsEnded) / 1000),
    faults: `${total(0)} refused, ${total(1)} answers cut off, ${total(2)} hung, of ${id.calls + lic.calls} internal calls`,
    notes: [...o.notes, `client saw ${o.clientTally.retryable} retryable errors, ${o.clientTally.answered} answers`],
  };
}

import type { ChaosStack } from '../chaos-stack';
import { failedWorkflows } from '../effects';
import { outcomeOf, startPipelines } from '../pipelines';
import type { Row } from '../report';
import { educators } from '../workloads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Restarts identity, licensing and the gateway one after another (SIGTERM: fail readiness, drain,
 * exit; then started again) while educators apply and order and a reader polls the catalog. Every
 * client request must get an answer or a retryable error (502/503/504, a dropped connection), never
 * a 500 or silence; no workflow may fail; everything completes.
 */
export async function serviceRestarts(c: ChaosStack, opts: { people: number; gapMs: number; msPerStep: number }): Promise<Row> {
  const people = await educators(c, opts.people);
  const failedBefore = await failedWorkflows(c);
  c.api.resetTally();
  const { progress, done } = startPipelines(c, people, opts.msPerStep);
  let reading = true;
  const reader = (async () => {
    while (reading) {
      await c.api.call('GET', '/catalog');
      await sleep(100);
    }
  })();
  const took: string[] = [];
  let lastRestart = Date.now();
  for (const name of ['identity', 'licensing', 'gateway']) {
    await sleep(opts.gapMs);
    const t0 = Date.now();
    await c.stack.restart(name);
    lastRestart = Date.now();
    took.push(`${name} ${((lastRestart - t0) / 1000).toFixed(0)} s`);
  }
  const end = await done;
  reading = false;
  await reader;
  const o = await outcomeOf(c, progress, failedBefore);
  return {
    scenario: 'restart identity, licensing, gateway under load',
    inFlight: `${opts.people} applications, then ${opts.people} orders, and a catalog reader`,
    completed: o.completed,
    duplicates: o.duplicates,
    lost: o.lost,
    recoverSeconds: Math.max(0, (end - lastRestart) / 1000),
    faults: `3 restarts (down and ready again: ${took.join(', ')})`,
    notes: [...o.notes, `client saw ${o.clientTally.retryable} retryable errors, ${o.clientTally.answered} answers, ${o.clientTally.lost} lost`],
  };
}

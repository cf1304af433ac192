import type { ChaosStack } from '../chaos-stack';
import { failedWorkflows } from '../effects';
import { outcomeOf, startPipelines } from '../pipelines';
import type { Row } from '../report';
import { educators } from '../workloads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * R1: `kill -9` of the worker (and the node process under its tsx), again and again, while every
 * educator's application and then printed copy are in flight; each time it is started again after
 * a second. Every step of review and fulfillment gets hit by some kill. All must complete, with
 * one license and one charge per application, one charge and one print job per order, one email per key.
 */
export async function workerKills(c: ChaosStack, opts: { people: number; kills: number; everyMs: number; msPerStep: number }): Promise<Row> {
  const people = await educators(c, opts.people);
  const failedBefore = await failedWorkflows(c);
  c.api.resetTally();
  const { progress, done } = startPipelines(c, people, opts.msPerStep);
  let finished = false;
  void done.then(() => (finished = true));
  let kills = 0;
  let lastKill = Date.now();
  const restarts: number[] = [];
  while (kills < opts.kills && !finished) {
    await Promise.race([sleep(opts.everyMs), done]);
    if (finished) break;
    await c.stack.crash('worker');
    lastKill = Date.now();
    kills++;
    await sleep(1000);
    await c.stack.restart('worker');
    restarts.push((Date.now() - lastKill) / 1000);
  }
  const end = await done;
  const o = await outcomeOf(c, progress, failedBefore);
  return {
    scenario: 'R1 kill -9 worker',
    inFlight: `${opts.people} applications, then ${opts.people} orders`,
    completed: o.completed,
    duplicates: o.duplicates,
    lost: o.lost,
    recoverSeconds: Math.max(0, (end - lastKill) / 1000),
    faults: `${kills} kill -9, every ${opts.everyMs / 1000} s (ready again ${restarts.map((s) => s.toFixed(0)).join('/')} s after each)`,
    notes: o.notes,
  };
}

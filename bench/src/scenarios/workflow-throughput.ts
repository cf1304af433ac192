import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Stack } from '@elar/devstack';
import { approve, claim, readyToSubmit, submit, type Actor, type Api } from '../actors';
import type { Row } from '../report';

const CEILING_QUEUE = 'bench-ceiling';

/** Runs `loops` concurrent loops of `once` until `seconds` pass (in-flight ones finish); completions per second. */
async function closedLoop(loops: number, seconds: number, once: (loop: number) => Promise<void>) {
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      while (Date.now() < until) {
        try {
          await once(loop);
          done++;
        } catch (err) {
          failures.push(err instanceof Error ? err.message : String(err));
        }
      }
    }),
  );
  return { perSecond: done / ((performance.now() - started) / 1000), done, failures };
}

/**
 * Applications taken end to end through the gateway (draft, five uploads, payment, submit, claim,
 * approve -> Issued) by `c` educators and evaluators working at once, against the ceiling: an empty
 * one-activity workflow executed by a worker in this process on the same Temporal server.
 */
export async function workflowThroughput(
  stack: Stack, api: Api, people: { educators: Actor[]; evaluators: Actor[] }, levels: number[], seconds: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  // Keep the ceiling worker's start-up chatter (bundling, state changes) out of the table.
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection, taskQueue: CEILING_QUEUE, workflowsPath: require.resolve('../ceiling/workflow'), activities: { noop: async () => {} },
  });
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const running = worker.run();
  try {
    for (const c of levels) {
      const apps = await closedLoop(c, seconds, async (loop) => {
        const educator = people.educators[loop % people.educators.length]!;
        const evaluator = people.evaluators[loop % people.evaluators.length]!;
        const n = await readyToSubmit(api, educator);
        await submit(api, educator, n);
        await claim(api, evaluator, n);
        await approve(api, evaluator, n);
      });
      const ceiling = await closedLoop(c, seconds, async () => {
        await client.workflow.execute('benchCeiling', { taskQueue: CEILING_QUEUE, workflowId: `bench-ceiling-${randomUUID()}` });
      });
      const scenario = `workflow throughput, ${c} at once`;
      rows.push(
        { scenario, figure: 'applications issued end to end', value: apps.perSecond, unit: '/s', note: `${apps.done} done, ${apps.failures.length} failed` },
        { scenario, figure: 'empty one-activity workflow (ceiling)', value: ceiling.perSecond, unit: '/s', note: `${ceiling.failures.length} failed` },
        { scenario, figure: 'applications / ceiling', value: apps.perSecond / ceiling.perSecond, unit: 'x' },
      );
      if (apps.failures.length) process.stderr.write(`workflow throughput (${c}): ${apps.failures.slice(0, 3).join('; ')}\n`);
    }
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
    await client.connection.close();
  }
  return rows;
}

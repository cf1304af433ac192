import { randomInt } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { request } from 'undici';
import type { Stack } from '@elar/devstack';
import { TASK_QUEUES } from '@elar/vocabulary';
import { applicationReviewWorkflowId } from '@elar/workflows';
import type { Row } from '../report';
import { rssOf } from '../processes';
import { sleep } from '../stats';

/** The worker's count of workflows held in its sticky cache (Temporal SDK metric). */
async function cachedWorkflows(stack: Stack): Promise<number> {
  const text = await (await request(stack.metricsUrls.workerSdk!)).body.text();
  return [...text.matchAll(/^temporal_sticky_cache_size\{[^}]*task_queue="elar-licensing"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

/**
 * Applications as licensing holds them once submitted, written straight into its (throwaway) test
 * database: a review's first step records "Ready for Review" on its application, so each waiting
 * review needs one, and a thousand through the public API (draft, uploads, payment) would take minutes.
 */
async function insertSubmittedApplications(databaseUrl: string, numbers: string[]): Promise<void> {
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "Application" (id, "applicationNumber", "profileId", mepid, "holderFirstName", "holderLastName", status, "submittedAt", "updatedAt")
       SELECT gen_random_uuid(), n, 'bench-memory', '00000000', 'Bench', 'Memory', 'Submitted', now(), now() FROM unnest($1::text[]) AS n`,
      [numbers],
    );
  } finally {
    await db.end();
  }
}

/**
 * Worker memory with reviews waiting on evaluators: review workflows started the way submit starts
 * them (for submitted applications: a review records "Ready for Review", then waits for a claim),
 * until each has run its first tasks and sits in the worker's cache; then the worker's RSS.
 * Reported per waiting workflow. The reviews are terminated afterwards.
 */
export async function workerMemory(stack: Stack, steps: number[]): Promise<Row[]> {
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const worker = stack.processes.worker!.child.pid!;
  const ids: string[] = [];
  const rows: Row[] = [];
  const base = randomInt(100_000, 900_000);
  try {
    await sleep(1000);
    const baseline = rssOf(worker);
    const cachedAtStart = await cachedWorkflows(stack);
    rows.push({ scenario: 'worker memory', figure: 'RSS, 0 reviews waiting', value: baseline / 2 ** 20, unit: 'MiB', note: `${cachedAtStart} workflows cached` });
    for (const target of steps) {
      while (ids.length < target) {
        const batch = Array.from({ length: Math.min(50, target - ids.length) }, (_, i) => `B-2099-${String(base + ids.length + i).padStart(6, '0')}`);
        await insertSubmittedApplications(stack.databaseUrls.licensing, batch);
        await Promise.all(batch.map((n) =>
          client.workflow.start('applicationReview', {
            taskQueue: TASK_QUEUES.licensing, workflowId: applicationReviewWorkflowId(n),
            args: [{ applicationNumber: n, profileId: 'bench', mepid: '00000000', licenseType: 'initial' }],
          })));
        ids.push(...batch.map(applicationReviewWorkflowId));
      }
      const deadline = Date.now() + 60_000;
      let cached = await cachedWorkflows(stack);
      while (cached < cachedAtStart + target && Date.now() < deadline) {
        await sleep(500);
        cached = await cachedWorkflows(stack);
      }
      await sleep(1000);
      const rss = rssOf(worker);
      rows.push(
        { scenario: 'worker memory', figure: `RSS, ${target} reviews waiting`, value: rss / 2 ** 20, unit: 'MiB', note: `${cached} workflows cached` },
        { scenario: 'worker memory', figure: `per cached waiting review (${target})`, value: (rss - baseline) / Math.max(1, cached - cachedAtStart) / 1024, unit: 'KiB' },
      );
    }
  } finally {
    await Promise.allSettled(ids.map((id) => client.workflow.getHandle(id).terminate('benchmark finished')));
    await client.connection.close();
  }
  return rows;
}

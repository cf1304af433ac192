import { afterAll, beforeAll, expect } from '@jest/globals';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { timeSkippingEnvWithSearchAttributes, workflowsPath } from './environments';

/** Registers the suite's set-up and tear-down; the returned function gives the environment inside tests. */
export function useTimeSkippingEnv(): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await timeSkippingEnvWithSearchAttributes();
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });
  return () => env!;
}

let n = 0;
/** Runs `fn` with a worker on a fresh task queue serving every workflow and the given activities. */
export async function withWorker<T>(env: TestWorkflowEnvironment, activities: object, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `harness-${process.pid}-${++n}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  return worker.runUntil(fn(taskQueue));
}

/** Polls until `ok` (the time-skipping server runs activities on real time). */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, tries = 100): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await fn();
    if (ok(v) || i >= tries) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The Update is refused by its validator while the workflow still runs (not because the workflow has ended). */
export async function expectRefusedWhileRunning<Ret, Args extends [unknown, ...unknown[]], Name extends string>(
  handle: WorkflowHandle, update: UpdateDefinition<Ret, Args, Name>, args: Args, cause: Record<string, unknown>,
): Promise<void> {
  expect((await handle.describe()).status.name).toBe('RUNNING');
  await expect(handle.executeUpdate(update, { args })).rejects.toMatchObject({ cause });
}

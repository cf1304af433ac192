import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHttp } from '@elar/devstack';
import { workflowInterceptorModules, workflowsPath } from '@elar/workflows';
import { localEnv } from '@elar/workflows/test/environments';
import { TASK_QUEUES } from '@elar/vocabulary';
import { loadWorkerConfig } from '../src/env';
import { startWorkers } from '../src/start';
import { deploymentOptions, promoteWhenNewest } from '../src/worker-versioning';
import { decide, DECISIONS, type Release, type RolloutActivities } from './rollout/decision-review';

/**
 * Shipping a workflow change while runs are open, on a real Temporal dev server, with the worker of
 * the old release and the worker of the new one running against one task queue (as during a rolling
 * update of a worker Deployment). See docs/operations.md, section 4.
 */
const RUNS = 3;
const RELEASES: Release[] = ['release-1', 'release-2-patched', 'release-2-unpatched'];
let env: TestWorkflowEnvironment;
const bundles = {} as Record<Release, WorkflowBundleWithSourceMap>;
const activities: RolloutActivities = { recordDecision: async () => {}, notifyEducator: async () => {} };

beforeAll(async () => {
  env = await localEnv();
  for (const release of RELEASES) {
    bundles[release] = await bundleWorkflowCode({ workflowsPath: require.resolve(`./rollout/${release}`), logger: quietBundler });
  }
}, 150_000);

afterAll(async () => {
  await env?.teardown();
});

const quietBundler = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

interface WorkerOf { release: Release; taskQueue: string; buildId?: string; cache?: boolean }

/** A worker of one release; without its workflow cache every task it takes is a full replay of the history. */
const workerOf = ({ release, taskQueue, buildId, cache = true }: WorkerOf) =>
  Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundles[release],
    activities,
    workerDeploymentOptions: deploymentOptions(taskQueue, buildId),
    ...(cache ? {} : { maxCachedWorkflows: 0 }),
  });

/** Workers started in the background by a test; stopped after it whatever its outcome. */
const started: { worker: Worker; done: Promise<void> }[] = [];
async function runWorker(o: WorkerOf): Promise<Worker> {
  const worker = await workerOf(o);
  started.push({ worker, done: worker.run() });
  return worker;
}
afterEach(async () => {
  const stopping = started.splice(0);
  for (const { worker } of stopping) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.allSettled(stopping.map((s) => s.done));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await sleep(200);
  }
}

/** What a run's history says: failed workflow tasks, the build of each completed task, the steps taken. */
async function historyOf(handle: WorkflowHandle) {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Map(events.filter((e) => e.activityTaskScheduledEventAttributes).map((e) => [String(e.eventId), e.activityTaskScheduledEventAttributes!.activityType!.name!]));
  const completed = events.filter((e) => e.activityTaskCompletedEventAttributes).map((e) => scheduled.get(String(e.activityTaskCompletedEventAttributes!.scheduledEventId)));
  return {
    failedTasks: events.filter((e) => e.workflowTaskFailedEventAttributes).map((e) => e.workflowTaskFailedEventAttributes!.failure?.message ?? ''),
    taskBuilds: events.filter((e) => e.workflowTaskCompletedEventAttributes).map((e) => e.workflowTaskCompletedEventAttributes!.deploymentVersion?.buildId ?? 'unversioned'),
    recorded: completed.filter((t) => t === 'recordDecision').length,
    notified: completed.filter((t) => t === 'notifyEducator').length,
  };
}
type History = Awaited<ReturnType<typeof historyOf>>;

const histories = (handles: WorkflowHandle[]) => Promise.all(handles.map(historyOf));

async function startRuns(taskQueue: string): Promise<WorkflowHandle[]> {
  return Promise.all(
    Array.from({ length: RUNS }, (_, i) => env.client.workflow.start('decisionReview', { taskQueue, workflowId: `${taskQueue}-${i}`, workflowTaskTimeout: '5 seconds' })),
  );
}

/** An evaluator decides on every open review; resolves once each run has recorded `step` decisions. */
async function decideStep(handles: WorkflowHandle[], step: number): Promise<History[]> {
  await Promise.all(handles.map((h) => h.signal(decide)));
  return eventually(`decision ${step} recorded`, () => histories(handles), (hs) => hs.every((h) => h.recorded >= step));
}

const failedWithNonDeterminism = (hs: History[]) => hs.every((h) => h.failedTasks.some((m) => /nondetermin/i.test(m)));

/** Once a run's tasks move to `build`, none goes back to an older build. */
const neverBack = (builds: string[], build: string) => builds.slice(builds.indexOf(build)).every((b) => b === build);

describe('rolling out workflow code while runs are open (real Temporal dev server, two workers on one task queue)', () => {
  it('with Worker Versioning, once release 2 is current every open run moves to it for good and completes: no failed workflow task', async () => {
    const taskQueue = 'rollout-versioned';
    await runWorker({ release: 'release-1', taskQueue, buildId: 'release-1' });
    const promote = (buildId: string) =>
      promoteWhenNewest(env.client.workflowService, { namespace: 'default', deploymentName: taskQueue, buildId, identity: 'rollout-test' });
    expect(await promote('release-1')).toBe('promoted');
    const handles = await startRuns(taskQueue);
    await decideStep(handles, 1);

    // The new pod starts beside the old one and promotes its build; the old pod keeps polling.
    await runWorker({ release: 'release-2-patched', taskQueue, buildId: 'release-2' });
    expect(await promote('release-2')).toBe('promoted');
    // An old pod that restarts mid-rollout does not take the traffic back.
    expect(await promote('release-1')).toBe('older-than-current');

    for (let step = 2; step <= DECISIONS; step++) await decideStep(handles, step);
    expect(await Promise.all(handles.map((h) => h.result()))).toEqual(handles.map(() => DECISIONS));
    const hs = await histories(handles);
    // The runbook's query for the runs a build last ran (docs/operations.md, section 4).
    const onBuild = (buildId: string) => env.client.workflow.count(`TemporalWorkerDeploymentVersion = '${taskQueue}:${buildId}'`).then((c) => c.count);
    await eventually('every run listed under release 2', () => Promise.all([onBuild('release-1'), onBuild('release-2')]), ([r1, r2]) => r1 === 0 && r2 === RUNS);

    expect(hs.map((h) => h.failedTasks)).toEqual(handles.map(() => []));
    for (const h of hs) {
      expect(h.taskBuilds[0]).toBe('release-1');
      expect(h.taskBuilds).toContain('release-2');
      expect(neverBack(h.taskBuilds, 'release-2')).toBe(true);
    }
    // The new step ran for the decisions made after the cutover only (patched() kept decision 1 as it was).
    expect(hs.map((h) => h.notified)).toEqual(handles.map(() => DECISIONS - 1));
  }, 150_000);

  it('with Worker Versioning, the same change without patched() fails the moved runs\' workflow tasks with a non-determinism error', async () => {
    const taskQueue = 'rollout-unpatched';
    await runWorker({ release: 'release-1', taskQueue, buildId: 'release-1' });
    const promote = (buildId: string) =>
      promoteWhenNewest(env.client.workflowService, { namespace: 'default', deploymentName: taskQueue, buildId, identity: 'rollout-test' });
    await promote('release-1');
    const handles = await startRuns(taskQueue);
    await decideStep(handles, 1);

    await runWorker({ release: 'release-2-unpatched', taskQueue, buildId: 'release-2' });
    await promote('release-2');
    await Promise.all(handles.map((h) => h.signal(decide)));
    const hs = await eventually('a failed workflow task in every run', () => histories(handles), failedWithNonDeterminism);
    const statuses = await Promise.all(handles.map(async (h) => (await h.describe()).status.name));
    await Promise.all(handles.map((h) => h.terminate('test cleanup')));

    expect(statuses).toEqual(handles.map(() => 'RUNNING'));
    expect(hs.map((h) => h.recorded)).toEqual(handles.map(() => 1));
  }, 150_000);

  it('without Worker Versioning, patched() carries runs from release 1 to 2, but a run that took the new branch fails its workflow task when an old worker replays it', async () => {
    const taskQueue = 'rollout-unversioned';
    // One worker at a time, without a workflow cache: each task is replayed by whichever build takes it,
    // as when a rolling update moves a run between old and new pods.
    const phase = async (release: Release, work: () => Promise<void>) => (await workerOf({ release, taskQueue, cache: false })).runUntil(work);
    let handles: WorkflowHandle[] = [];
    await phase('release-1', async () => {
      handles = await startRuns(taskQueue);
      await decideStep(handles, 1);
    });
    // Old history, new code: patched() makes the replay take the old path, then the new step runs.
    await phase('release-2-patched', async () => {
      const hs = await decideStep(handles, 2);
      expect(hs.map((h) => [h.failedTasks, h.notified])).toEqual(handles.map(() => [[], 1]));
    });
    // New history, old code: the old build does not know the new step.
    await phase('release-1', async () => {
      await Promise.all(handles.map((h) => h.signal(decide)));
      await eventually('a failed workflow task in every run', () => histories(handles), failedWithNonDeterminism);
    });
    // The failed task is retried and goes through once only the new build polls.
    await phase('release-2-patched', async () => {
      expect(await Promise.all(handles.map((h) => h.result()))).toEqual(handles.map(() => DECISIONS));
    });
  }, 150_000);
});

describe('the worker process with WORKER_BUILD_ID (Worker Versioning on, as in production)', () => {
  let bundlePath = '';
  beforeAll(async () => {
    // The production image's prebuilt bundle of the real workflows (services/worker/src/build-bundle.ts).
    const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quietBundler });
    bundlePath = join(mkdtempSync(join(tmpdir(), 'elar-rollout-')), 'workflow-bundle.js');
    writeFileSync(bundlePath, code);
  }, 150_000);

  const processes: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.allSettled(processes.splice(0).map((p) => p.stop()));
  });
  const startBuild = async (buildId: string) => {
    const worker = await startWorkers(
      loadWorkerConfig({
        LOG_LEVEL: 'silent',
        PORT: String(await freePort()),
        TEMPORAL_ADDRESS: env.address,
        WORKFLOW_BUNDLE_PATH: bundlePath,
        WORKER_BUILD_ID: buildId,
        INTERNAL_TOKEN: 'rollout-test-internal-token',
      }),
    );
    processes.push(worker);
    // Ready only once its build is current, or found older than the current one.
    await waitForHttp(`${worker.url}/readyz`, 90_000);
    return worker;
  };
  const currentBuilds = () =>
    Promise.all(
      Object.values(TASK_QUEUES).map(async (deploymentName) => {
        const { workerDeploymentInfo } = await env.client.workflowService.describeWorkerDeployment({ namespace: 'default', deploymentName });
        return workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId;
      }),
    );

  it('each task queue is a worker deployment; a new build becomes current when it starts, and an older build restarting does not take over', async () => {
    const first = await startBuild('2026.11.1');
    expect(await currentBuilds()).toEqual(['2026.11.1', '2026.11.1']);
    await startBuild('2026.11.2');
    expect(await currentBuilds()).toEqual(['2026.11.2', '2026.11.2']);
    await first.stop();
    await startBuild('2026.11.1');
    expect(await currentBuilds()).toEqual(['2026.11.2', '2026.11.2']);
  }, 150_000);
});

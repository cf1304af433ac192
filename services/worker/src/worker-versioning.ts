import type { WorkflowService } from '@temporalio/client';
import type { WorkerDeploymentOptions } from '@temporalio/worker';

/**
 * Temporal Worker Versioning for ELAR's workers (docs/operations.md, section 4).
 *
 * Each task queue is its own Kubernetes Deployment and rolls out on its own, so each is its own
 * Temporal worker deployment, named after the queue; the build id is the image tag. Every workflow
 * type is AUTO_UPGRADE: ELAR's processes wait on people for weeks (reviews, correspondence,
 * partial-match cases, hard copies), far longer than an old build could be kept running for PINNED
 * runs, so running workflows move to each new build and every change is shipped behind `patched()`.
 * What versioning adds: once a build is current the server sends every task to it and none back
 * to the previous build, so a run that took a new branch is never replayed by old code (which a
 * rolling update without versioning does, failing that workflow task: see the rollout test).
 */
export const VERSIONING_BEHAVIOR = 'AUTO_UPGRADE' as const;

export function deploymentOptions(taskQueue: string, buildId: string | undefined): WorkerDeploymentOptions | undefined {
  if (!buildId) return undefined;
  return { useWorkerVersioning: true, version: { deploymentName: taskQueue, buildId }, defaultVersioningBehavior: VERSIONING_BEHAVIOR };
}

export type Promotion = 'promoted' | 'already-current' | 'older-than-current';

interface PromoteOptions {
  namespace: string;
  deploymentName: string;
  buildId: string;
  identity: string;
  /** How long to wait for the server to register this build (it does on the worker's first poll) and route to it. */
  registerTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(t?.seconds ?? 0) + (t?.nanos ?? 0) / 1e9;

const ROUTING_UPDATE_IN_PROGRESS = 1; // temporal.api.enums.v1.RoutingConfigUpdateState

/** Waits until the new routing has reached every partition of the queue (a server that does not report it counts as done). */
async function propagated(service: WorkflowService, o: PromoteOptions, deadline: number): Promise<'promoted'> {
  for (;;) {
    const state = await service
      .describeWorkerDeployment({ namespace: o.namespace, deploymentName: o.deploymentName })
      .then((r) => Number(r.workerDeploymentInfo?.routingConfigUpdateState ?? 0), () => ROUTING_UPDATE_IN_PROGRESS);
    if (state !== ROUTING_UPDATE_IN_PROGRESS) return 'promoted';
    if (Date.now() > deadline) throw new Error(`worker deployment ${o.deploymentName}: routing to build ${o.buildId} did not propagate in time`);
    await sleep(100);
  }
}

/**
 * Makes this build the deployment's current version once the server has seen it poll, unless the
 * current version was registered after it: a restarted pod of an older build (during a rollout, or
 * after `kubectl rollout undo`) never takes the traffic back by itself. Going back to an older build
 * is an operator's decision (`temporal worker deployment set-current-version`), because runs that
 * already took a new `patched()` branch cannot replay on the old code. Resolves once the server
 * reports the new routing propagated to the task queue's partitions.
 */
export async function promoteWhenNewest(service: WorkflowService, o: PromoteOptions): Promise<Promotion> {
  const deadline = Date.now() + (o.registerTimeoutMs ?? 30_000);
  let lastError = 'the server has not listed it yet';
  for (;;) {
    const described = await service.describeWorkerDeployment({ namespace: o.namespace, deploymentName: o.deploymentName }).catch(() => undefined);
    const info = described?.workerDeploymentInfo;
    const versions = info?.versionSummaries ?? [];
    const mine = versions.find((v) => v.deploymentVersion?.buildId === o.buildId);
    if (described && mine) {
      const current = info?.routingConfig?.currentDeploymentVersion?.buildId;
      if (current === o.buildId) return 'already-current';
      const currentSummary = versions.find((v) => v.deploymentVersion?.buildId === current);
      if (currentSummary && seconds(currentSummary.createTime) > seconds(mine.createTime)) return 'older-than-current';
      // The conflict token makes two pods racing on different builds re-read instead of overwriting.
      const promoted = await service
        .setWorkerDeploymentCurrentVersion({ namespace: o.namespace, deploymentName: o.deploymentName, buildId: o.buildId, identity: o.identity, conflictToken: described.conflictToken })
        .then(() => true, (err: Error) => void (lastError = `making it current failed: ${err.message}`));
      if (promoted) return propagated(service, o, deadline);
    }
    if (Date.now() > deadline) throw new Error(`worker deployment ${o.deploymentName}: build ${o.buildId} not promoted in time (${lastError})`);
    await sleep(250);
  }
}

import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createBaseApp, startServer } from '@elar/http';
import { createLogger } from '@elar/logger';
import { workflowInterceptorModules, workflowsPath } from '@elar/workflows';
import { createActivitiesByQueue } from './activities';
import { requestIdActivityInterceptor } from './request-id-activity-interceptor';
import type { WorkerConfig } from './env';
import { deploymentOptions, promoteWhenNewest } from './worker-versioning';

/**
 * Starts one Temporal worker per configured task queue, plus a small HTTP server for /healthz and
 * /readyz. `stop()` lets running activities finish (graceful shutdown) before closing.
 */
export async function startWorkers(config: WorkerConfig) {
  const logger = createLogger('worker', config.LOG_LEVEL);
  // The SDK's metrics in Prometheus format; the runtime is per process and must precede any connection.
  if (!Runtime._instance) {
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: `${config.HOST}:${config.WORKER_METRICS_PORT}` } } } });
  }
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const activities = createActivitiesByQueue(config);
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = config.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath };
  const workers = await Promise.all(
    config.WORKER_TASK_QUEUES.map((taskQueue) =>
      Worker.create({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue,
        ...workflowSource,
        activities: activities.byQueue[taskQueue] ?? {},
        // The request id flows start/update -> workflow -> activity -> service (a prebuilt bundle has the workflow modules built in).
        interceptors: { workflowModules: workflowInterceptorModules, activity: [requestIdActivityInterceptor] },
        shutdownGraceTime: '20 seconds',
        workerDeploymentOptions: deploymentOptions(taskQueue, config.WORKER_BUILD_ID),
      }),
    ),
  );
  const running = workers.map((w) => w.run());
  const build = promoteBuild(config, connection, logger);
  const app = createBaseApp({
    metricsToken: config.INTERNAL_TOKEN,
    logger,
    readiness: [
      ...workers.map((w, i) => ({
        name: `worker:${config.WORKER_TASK_QUEUES[i]}`,
        check: async () => {
          if (w.getState() !== 'RUNNING') throw new Error(w.getState());
        },
      })),
      // Ready once this build is current (or found older than current): only then may the rollout remove an old pod.
      { name: 'worker-build', check: async () => build.check() },
    ],
    routes: () => {},
  });
  const server = await startServer(app, config.PORT, config.HOST);
  logger.info({ taskQueues: config.WORKER_TASK_QUEUES, url: server.url }, 'workers running');
  return {
    async stop() {
      await server.stop(2000);
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.allSettled(running);
      await activities.close();
      await connection.close();
    },
    /** Rejects if a worker stops, or if this build could not be registered and promoted (the process exits). */
    running: Promise.all([...running, build.settled]),
    url: server.url,
  };
}

/**
 * With WORKER_BUILD_ID, makes this build current for each of its task queues once the server has
 * registered it (services/worker/src/worker-versioning.ts), in the background: health answers
 * meanwhile (liveness), readiness waits for it.
 */
function promoteBuild(config: WorkerConfig, connection: NativeConnection, logger: ReturnType<typeof createLogger>) {
  const buildId = config.WORKER_BUILD_ID;
  let done = !buildId;
  const settled = (async () => {
    if (!buildId) return;
    for (const taskQueue of config.WORKER_TASK_QUEUES) {
      const outcome = await promoteWhenNewest(connection.workflowService, {
        namespace: config.TEMPORAL_NAMESPACE,
        deploymentName: taskQueue,
        buildId,
        identity: `elar-worker@${buildId}`,
        registerTimeoutMs: 120_000,
      });
      logger.info({ taskQueue, buildId, outcome }, 'worker deployment version');
    }
    done = true;
  })();
  settled.catch(() => undefined); // reported through `running`, which runService watches
  return {
    settled,
    async check() {
      if (!done) throw new Error(`build ${buildId} not yet registered and promoted`);
    },
  };
}

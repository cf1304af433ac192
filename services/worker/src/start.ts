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
  if (config.WORKER_BUILD_ID) {
    // The server registers the build on its first poll; a newer build then takes the queue's tasks.
    for (const taskQueue of config.WORKER_TASK_QUEUES) {
      const outcome = await promoteWhenNewest(connection.workflowService, {
        namespace: config.TEMPORAL_NAMESPACE,
        deploymentName: taskQueue,
        buildId: config.WORKER_BUILD_ID,
        identity: `elar-worker@${config.WORKER_BUILD_ID}`,
      });
      logger.info({ taskQueue, buildId: config.WORKER_BUILD_ID, outcome }, 'worker deployment version');
    }
  }
  const app = createBaseApp({
    metricsToken: config.INTERNAL_TOKEN,
    logger,
    readiness: workers.map((w, i) => ({
      name: `worker:${config.WORKER_TASK_QUEUES[i]}`,
      check: async () => {
        if (w.getState() !== 'RUNNING') throw new Error(w.getState());
      },
    })),
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
    running: Promise.all(running),
  };
}

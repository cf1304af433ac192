import { fields, loadConfig, z, type ProductionRules } from '@elar/config';

export const workerEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  /** Health and metrics port of the worker process. */
  PORT: fields.port(4010),
  /** Port of the Temporal SDK's Prometheus exporter (workflow task, activity, sticky cache metrics). */
  WORKER_METRICS_PORT: fields.port(9464),
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  /** Which task queues this process polls (comma-separated); one Deployment per queue in Kubernetes. */
  WORKER_TASK_QUEUES: z.string().default('elar-identity,elar-licensing').transform((s) => s.split(',').map((q) => q.trim()).filter(Boolean)),
  /** A prebuilt workflow bundle (production); without it workflows are bundled at start from source. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /**
   * The build of this worker image (its tag, baked in by the Dockerfile's `worker` target). When set,
   * the worker uses Temporal Worker Versioning: each task queue is a worker deployment of that name,
   * this build one of its versions (src/worker-versioning.ts, docs/operations.md section 4).
   */
  WORKER_BUILD_ID: z.string().regex(/^[\w.+-]{1,255}$/, 'letters, digits, . _ + - only (an image tag)').optional(),
  IDENTITY_URL: fields.url.default('http://127.0.0.1:4001'),
  LICENSING_URL: fields.url.default('http://127.0.0.1:4002'),
  INTERNAL_TOKEN: fields.secret,
});

/**
 * Production runs the prebuilt bundle (the compiled worker has no workflow sources to bundle at
 * start) and versioned builds (a rollout never sends a run back to an older build).
 */
export const workerProduction: ProductionRules = { required: ['WORKFLOW_BUNDLE_PATH', 'WORKER_BUILD_ID'] };

export type WorkerConfig = z.infer<typeof workerEnv>;

/** The only place the worker reads the environment. */
export const loadWorkerConfig = (env: Record<string, string | undefined> = process.env): WorkerConfig => loadConfig(workerEnv, env, workerProduction);

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
  IDENTITY_URL: fields.url.default('http://127.0.0.1:4001'),
  LICENSING_URL: fields.url.default('http://127.0.0.1:4002'),
  INTERNAL_TOKEN: fields.secret,
});

/** Production runs the prebuilt bundle: the compiled worker has no workflow sources to bundle at start. */
export const workerProduction: ProductionRules = { required: ['WORKFLOW_BUNDLE_PATH'] };

export type WorkerConfig = z.infer<typeof workerEnv>;

/** The only place the worker reads the environment. */
export const loadWorkerConfig = (env: Record<string, string | undefined> = process.env): WorkerConfig => loadConfig(workerEnv, env, workerProduction);

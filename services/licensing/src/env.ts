import { fields, loadConfig, z } from '@elar/config';

export const licensingEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(4002),
  DATABASE_URL: fields.postgresUrl,
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  INTERNAL_TOKEN: fields.secret,
});

export type LicensingConfig = z.infer<typeof licensingEnv>;

/** The only place licensing reads the environment. */
export const loadLicensingConfig = (env: Record<string, string | undefined> = process.env): LicensingConfig =>
  loadConfig(licensingEnv, env);

import { fields, loadConfig, z } from '@elar/config';

export const identityEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(4001),
  DATABASE_URL: fields.postgresUrl,
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  /** Shared by the gateway and workers; the service refuses calls without it. */
  INTERNAL_TOKEN: fields.secret,
  /** Key for the keyed hash of SSN digits (matching without storing them). */
  IDENTITY_PII_KEY: fields.secret,
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: fields.port(1025),
  SMTP_SECURE: fields.bool(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('ELAR <no-reply@elar.example>'),
  /** `portal`: the modeled portal's rules (default); `nist`: SP 800-63B style. */
  PASSWORD_POLICY: z.enum(['portal', 'nist']).default('portal'),
  /** Business days a directory administrator has to decide a partial match before customer service takes it. */
  PARTIAL_MATCH_ESCALATION_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** `required` (default): a 6-digit code emailed at each sign-in from an untrusted browser; `off`: password only. */
  SIGN_IN_CODE: z.enum(['required', 'off']).default('required'),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
});

export type IdentityConfig = z.infer<typeof identityEnv>;

/** The only place identity reads the environment. */
export const loadIdentityConfig = (env: Record<string, string | undefined> = process.env): IdentityConfig =>
  loadConfig(identityEnv, env);

import { fields, loadConfig, z, type ProductionRules } from '@elar/config';
import { withCaFile } from '@elar/db';

export const identityEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(4001),
  DATABASE_URL: fields.postgresUrl,
  /** CA bundle for the database's TLS certificate: added to DATABASE_URL as sslrootcert (verify-full unless sslmode says otherwise). */
  DATABASE_CA_FILE: fields.postgresCaFile,
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  /** Shared by the gateway and workers; the service refuses calls without it. */
  INTERNAL_TOKEN: fields.secret,
  /** Key for the keyed hash of SSN digits (matching without storing them). */
  IDENTITY_PII_KEY: fields.secret,
  /** Defaults to the local mail catcher; production requires it set. */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: fields.port(1025),
  SMTP_SECURE: fields.bool(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('ELAR <no-reply@elar.example>'),
  /** Licensing's API: the catalog's names for emails ("Master's degree transcript", not `masters-transcript`). */
  LICENSING_URL: fields.url.default('http://127.0.0.1:4002'),
  /** The portal people use, for links in emails. */
  PORTAL_URL: fields.url.default('http://127.0.0.1:8080'),
  /** `portal`: the modeled portal's rules (default); `nist`: SP 800-63B style. */
  PASSWORD_POLICY: z.enum(['portal', 'nist']).default('portal'),
  /** Business days a directory administrator has to decide a partial match before customer service takes it. */
  PARTIAL_MATCH_ESCALATION_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** `required` (default): a 6-digit code emailed at each sign-in from an untrusted browser; `off`: password only. */
  SIGN_IN_CODE: z.enum(['required', 'off']).default('required'),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /** Account recovery requests per hour for one claimed identity, and for one email address. */
  RECOVERY_LIMIT_PER_IDENTITY_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Account recovery requests per hour from one client address. */
  RECOVERY_LIMIT_PER_SOURCE_PER_HOUR: z.coerce.number().int().min(1).default(100),
  /** Password-reset codes emailed to one account per hour. */
  RESET_CODES_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Password hashes computed at once (each takes a thread and 128 MB) and allowed to wait; beyond that, 503 busy. */
  HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  HASH_QUEUE_MAX: z.coerce.number().int().min(0).default(12),
  /** Longest a sign-in may wait for its hash (estimated from recent hash times); beyond it, 503 busy at once. */
  HASH_QUEUE_MAX_WAIT_MS: z.coerce.number().int().min(100).default(8000),
});

/** What NODE_ENV=production refuses: the process exits naming each variable. */
export const identityProduction: ProductionRules = { required: ['SMTP_HOST', 'PORTAL_URL'] };

export type IdentityConfig = z.infer<typeof identityEnv>;

/** The only place identity reads the environment. */
export function loadIdentityConfig(env: Record<string, string | undefined> = process.env): IdentityConfig {
  const config = loadConfig(identityEnv, env, identityProduction);
  return { ...config, DATABASE_URL: withCaFile(config.DATABASE_URL, config.DATABASE_CA_FILE) };
}

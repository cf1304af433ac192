import { fields, loadConfig, z } from '@elar/config';

const licensingFields = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(4002),
  DATABASE_URL: fields.postgresUrl,
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  INTERNAL_TOKEN: fields.secret,
  /** Identity answers `/me` for the applicant's name (shown by the public license lookup). */
  IDENTITY_URL: fields.url.default('http://127.0.0.1:4001'),
  /** Largest document accepted, in bytes (the gateway's 1 MB body limit caps base64 uploads below that). */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(700_000),
  /** Path of the editable catalog file; the shipped one by default. */
  CATALOG_PATH: z.string().optional(),
  /**
   * Share of paid renewals sent to an evaluator (audit) instead of being processed at once, 0..1.
   * DESE audits a sample; 0.05 (one in twenty) by default. The end-to-end tests set 0 so every
   * renewal is processed at once. The choice is a hash of the renewal number: stable on retries.
   */
  RENEWAL_AUDIT_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.05),
  /** Fee per printed copy of a license, in cents. */
  HARD_COPY_FEE_CENTS: z.coerce.number().int().min(0).default(2500),
  /** Where the local print vendor writes its jobs (one folder per job). */
  PRINT_SPOOL_DIR: z.string().default('.data/print-spool'),
  /** Local print vendor: fail each job's first N submissions (-1: always), to show retries. */
  PRINT_VENDOR_FAIL_TIMES: z.coerce.number().int().min(-1).default(0),
  /**
   * Shared with the print vendor, which signs each webhook call with it (HMAC over timestamp and
   * body). Required in production; local runs and tests get a generated one from the stack.
   */
  PRINT_VENDOR_WEBHOOK_SECRET: fields.secret.optional(),
});

/** Production fails closed: no built-in vendor secret that anyone could read in the README. */
export const licensingEnv = licensingFields
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PRINT_VENDOR_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PRINT_VENDOR_WEBHOOK_SECRET'], message: 'is required in production (print-vendor webhook signatures)' });
    }
  });

export type LicensingConfig = z.infer<typeof licensingEnv>;

/** The only place licensing reads the environment. */
export const loadLicensingConfig = (env: Record<string, string | undefined> = process.env): LicensingConfig =>
  loadConfig(licensingEnv, env);

import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { fields, loadConfig, z, type ProductionRules } from '@elar/config';
import { withCaFile } from '@elar/db';

const MiB = 1024 * 1024;

export const licensingEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(4002),
  DATABASE_URL: fields.postgresUrl,
  /** CA bundle for the database's TLS certificate: added to DATABASE_URL as sslrootcert (verify-full unless sslmode says otherwise). */
  DATABASE_CA_FILE: fields.postgresCaFile,
  TEMPORAL_ADDRESS: fields.temporalAddress,
  TEMPORAL_NAMESPACE: fields.temporalNamespace,
  INTERNAL_TOKEN: fields.secret,
  /** Identity answers `/me` for the applicant's name (shown by the public license lookup). */
  IDENTITY_URL: fields.url.default('http://127.0.0.1:4001'),
  /** Largest document accepted, in bytes (multipart uploads; JSON/base64 ones stay under the 1 MB JSON body limit). */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * MiB),
  /** Documents one application may hold (all requirements together), and per requirement. */
  DOCUMENTS_PER_APPLICATION: z.coerce.number().int().min(1).default(30),
  DOCUMENTS_PER_REQUIREMENT: z.coerce.number().int().min(1).default(5),
  /** Bytes of documents one application may hold in total. */
  DOCUMENT_BYTES_PER_APPLICATION: z.coerce.number().int().min(1024).default(100 * MiB),
  /** `filesystem` (the embedded default) or `s3` (required in production). */
  DOCUMENT_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
  /** Folder of the filesystem store. */
  DOCUMENT_STORE_DIR: z.string().min(1).default('.data/documents'),
  /** Where an upload is written while it is checked, before it goes to the store (deleted in every case). */
  DOCUMENT_SPOOL_DIR: z.string().min(1).default(tmpdir()),
  /** S3 store: bucket, region, endpoint (unset: AWS), path-style addressing (most S3-compatible servers need it), credentials. */
  DOCUMENT_S3_BUCKET: z.string().min(3).optional(),
  DOCUMENT_S3_REGION: z.string().min(1).default('us-east-1'),
  DOCUMENT_S3_ENDPOINT: fields.url.optional(),
  DOCUMENT_S3_FORCE_PATH_STYLE: fields.bool(true),
  DOCUMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  DOCUMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
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
  /** Card processor: `offline` is the test-mode stand-in (documented test cards); production refuses it. */
  PAYMENT_PROVIDER: z.enum(['offline']).default('offline'),
  /** Print-and-mail vendor: `local` writes jobs to PRINT_SPOOL_DIR; production refuses it. */
  PRINT_VENDOR: z.enum(['local']).default('local'),
  /** Where the local print vendor writes its jobs (one folder per job); checked writable at start. */
  PRINT_SPOOL_DIR: z.string().default('.data/print-spool'),
  /** Local print vendor: fail each job's first N submissions (-1: always), to show retries. */
  PRINT_VENDOR_FAIL_TIMES: z.coerce.number().int().min(-1).default(0),
  /**
   * Shared with the print vendor, which signs each webhook call with it (HMAC over timestamp and
   * body). Required in production; elsewhere a random value per process unless set (there is no known default).
   */
  PRINT_VENDOR_WEBHOOK_SECRET: z.string().min(16).default(() => randomBytes(24).toString('base64url')),
}).superRefine((env, ctx) => {
  // Production keeps documents in object storage: a filesystem inside a pod is lost with the pod.
  if (env.NODE_ENV === 'production' && env.DOCUMENT_STORE !== 's3') {
    ctx.addIssue({ code: 'custom', path: ['DOCUMENT_STORE'], message: 'must be s3 in production' });
  }
  if (env.DOCUMENT_STORE === 's3') {
    for (const name of ['DOCUMENT_S3_BUCKET', 'DOCUMENT_S3_ACCESS_KEY_ID', 'DOCUMENT_S3_SECRET_ACCESS_KEY'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when DOCUMENT_STORE=s3' });
    }
  }
});

/** What NODE_ENV=production refuses: the process exits naming each variable. */
export const licensingProduction: ProductionRules = {
  required: ['PRINT_VENDOR_WEBHOOK_SECRET'],
  refused: {
    PAYMENT_PROVIDER: { values: ['offline'], why: 'the offline provider is a test-mode stand-in that charges nobody; configure a real card processor.' },
    PRINT_VENDOR: { values: ['local'], why: 'the local vendor only writes files to PRINT_SPOOL_DIR; configure a real print-and-mail vendor.' },
  },
};

export type LicensingConfig = z.infer<typeof licensingEnv>;

/** The only place licensing reads the environment. */
export function loadLicensingConfig(env: Record<string, string | undefined> = process.env): LicensingConfig {
  const config = loadConfig(licensingEnv, env, licensingProduction);
  return { ...config, DATABASE_URL: withCaFile(config.DATABASE_URL, config.DATABASE_CA_FILE) };
}

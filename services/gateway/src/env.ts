import { join } from 'node:path';
import { fields, loadConfig, z } from '@elar/config';

export const gatewayEnv = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  HOST: fields.host,
  PORT: fields.port(8080),
  IDENTITY_URL: fields.url.default('http://127.0.0.1:4001'),
  LICENSING_URL: fields.url.default('http://127.0.0.1:4002'),
  INTERNAL_TOKEN: fields.secret,
  /** HMAC key for session tokens; rotate by deploying a new key (signs everyone out). */
  SESSION_SIGNING_KEY: fields.secret,
  /** How long the gateway trusts a session lookup before asking identity again. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Requests per minute per client address across the API. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Sign-in attempts per minute per client address. */
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /**
   * Largest body of a streamed upload route (documents), in bytes: licensing's per-file limit
   * (DOCUMENT_MAX_BYTES, 20 MiB by default) plus room for the multipart envelope. Streamed, never buffered.
   */
  UPLOAD_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(21 * 1024 * 1024),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Development only: folder of caught emails served at /api/v1/dev/mail. Unset in production. */
  DEV_MAIL_DIR: z.string().optional(),
  /** The browser portal's built files, served at `/` (production refuses to start without them). */
  PORTAL_DIR: z.string().default(join(__dirname, '..', '..', '..', 'apps', 'portal', 'dist')),
});

export type GatewayConfig = z.infer<typeof gatewayEnv>;

/** The only place the gateway reads the environment. */
export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => loadConfig(gatewayEnv, env);

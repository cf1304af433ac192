import { join } from 'node:path';
import { fields, loadConfig, z, type ProductionRules } from '@elar/config';

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
  /**
   * Proxies (load balancer, ingress) in front of the gateway that append the client's address to
   * X-Forwarded-For. The client address is the one that many hops from the right; 0 (default):
   * X-Forwarded-For is ignored and the TCP peer is the client. Rate limits and sign-in delays use it.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Redis for rate-limit counts shared by every gateway replica (`redis://host:6379`). Required in
   * production; without it (local runs only) each gateway process counts on its own.
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Public license lookups per minute per client address. */
  LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
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

/** What NODE_ENV=production refuses: one replica counting rate limits alone would multiply every limit by the replica count. */
export const gatewayProduction: ProductionRules = { required: ['REDIS_URL'] };

export type GatewayConfig = z.infer<typeof gatewayEnv>;

/** The only place the gateway reads the environment. */
export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => loadConfig(gatewayEnv, env, gatewayProduction);

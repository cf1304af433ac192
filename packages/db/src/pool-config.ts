import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

/** libpq's `sslmode` values that node-postgres can honour (it has no opportunistic `allow`/`prefer`). */
const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

/**
 * TLS settings from the URL's libpq parameters: `sslmode` and `sslrootcert` (a CA bundle file).
 * Without `sslmode`, a CA file means verify-full, and no CA means no TLS (a local database).
 * `require` encrypts without checking the certificate (libpq: verify-ca when a CA file is given);
 * `verify-ca` checks the chain only; `verify-full` checks the chain and the host name.
 */
export function sslFromUrl(u: URL): false | ConnectionOptions {
  const caFile = u.searchParams.get('sslrootcert') ?? undefined;
  const given = u.searchParams.get('sslmode') ?? (caFile ? 'verify-full' : 'disable');
  if (!(SSL_MODES as readonly string[]).includes(given)) {
    throw new Error(`sslmode=${given} is not supported for PostgreSQL here: use ${SSL_MODES.join(', ')}`);
  }
  const mode = given as SslMode;
  if (mode === 'disable') return false;
  if (mode === 'verify-ca' && !caFile) throw new Error('sslmode=verify-ca needs a CA bundle (sslrootcert, or DATABASE_CA_FILE)');
  const ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
  if (mode === 'require' && !ca) return { rejectUnauthorized: false };
  const chainOnly = mode === 'verify-ca' || mode === 'require';
  return { ca, rejectUnauthorized: true, ...(chainOnly ? { checkServerIdentity: () => undefined } : {}) };
}

/**
 * The database URL with a CA bundle file (DATABASE_CA_FILE) added as libpq's `sslrootcert`, so every
 * consumer of the URL (Prisma client, LISTEN client, migrations) verifies the server the same way.
 */
export function withCaFile(url: string, caFile: string | undefined): string {
  if (!caFile) return url;
  const u = new URL(url);
  if (!u.searchParams.has('sslrootcert')) u.searchParams.set('sslrootcert', caFile);
  return u.toString();
}

/**
 * Discrete pg fields from a URL. Prisma's adapter gets these rather than a connection string:
 * with a string, its shadow database connects to the main database instead (TOOLCHAIN.md).
 */
export function poolConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || 'postgres',
    max: Number(u.searchParams.get('pool_max') ?? 10),
    ssl: sslFromUrl(u),
  };
}

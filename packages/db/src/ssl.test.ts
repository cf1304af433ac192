import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgAdapter, poolConfigFromUrl, withCaFile } from './index';

const base = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const withParams = (params: Record<string, string>) => {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};

let open: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.allSettled(open.map((a) => a.dispose()));
  open = [];
});

/** Whether the connection Prisma's adapter opens for `url` is encrypted, as PostgreSQL itself reports it. */
async function encrypted(url: string): Promise<boolean> {
  const driver = await pgAdapter(url).connect();
  open.push(driver);
  const rows = await driver.queryRaw({ sql: 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()', args: [], argTypes: [] });
  return rows.rows[0]![0] === true;
}

async function serverHasTls(): Promise<boolean> {
  const driver = await pgAdapter(base).connect();
  open.push(driver);
  return (await driver.queryRaw({ sql: 'SHOW ssl', args: [], argTypes: [] })).rows[0]![0] === 'on';
}

describe('PostgreSQL TLS from the database URL (sslmode, sslrootcert / DATABASE_CA_FILE)', () => {
  it('sslmode=require reaches the connection: PostgreSQL reports it encrypted (or refuses it when the server has no TLS)', async () => {
    const url = withParams({ sslmode: 'require' });
    if (await serverHasTls()) expect(await encrypted(url)).toBe(true);
    else await expect(encrypted(url)).rejects.toThrow(/SSL|TLS/i);
  });

  it('without sslmode a local URL stays in plain text, as before', async () => {
    expect(await encrypted(base)).toBe(false);
  });

  it('sslmode=disable is plain text, require encrypts without checking, verify-full checks chain and host', () => {
    expect(poolConfigFromUrl(withParams({ sslmode: 'disable' })).ssl).toBe(false);
    expect(poolConfigFromUrl(withParams({ sslmode: 'require' })).ssl).toEqual({ rejectUnauthorized: false });
    expect(poolConfigFromUrl(withParams({ sslmode: 'verify-full' })).ssl).toEqual({ ca: undefined, rejectUnauthorized: true });
  });

  it('a CA bundle file (DATABASE_CA_FILE) is read and verified against, verify-full by default', () => {
    const caFile = join(mkdtempSync(join(tmpdir(), 'elar-ca-')), 'ca.crt');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n');
    const url = withCaFile(base, caFile);
    expect(new URL(url).searchParams.get('sslrootcert')).toBe(caFile);
    const ssl = poolConfigFromUrl(url).ssl as { ca: string; rejectUnauthorized: boolean; checkServerIdentity?: unknown };
    expect(ssl).toMatchObject({ ca: expect.stringContaining('BEGIN CERTIFICATE'), rejectUnauthorized: true });
    expect(ssl.checkServerIdentity).toBeUndefined();
    const chainOnly = poolConfigFromUrl(withCaFile(withParams({ sslmode: 'verify-ca' }), caFile)).ssl as { checkServerIdentity?: () => unknown };
    expect(chainOnly.checkServerIdentity?.()).toBeUndefined();
  });

  it('verify-ca with the server\'s own (self-signed) certificate as the CA connects; another CA is refused', async () => {
    if (!(await serverHasTls())) return;
    const driver = await pgAdapter(base).connect();
    open.push(driver);
    const serverCert = String((await driver.queryRaw({ sql: 'SHOW ssl_cert_file', args: [], argTypes: [] })).rows[0]![0]);
    if (existsSync(serverCert) && /BEGIN CERTIFICATE/.test(readFileSync(serverCert, 'utf8'))) {
      expect(await encrypted(withCaFile(withParams({ sslmode: 'verify-ca' }), serverCert))).toBe(true);
    }
    const bundle = readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8');
    const otherCa = join(mkdtempSync(join(tmpdir(), 'elar-ca-')), 'ca.crt');
    writeFileSync(otherCa, bundle.slice(0, bundle.indexOf('-----END CERTIFICATE-----') + 26));
    await expect(encrypted(withCaFile(withParams({ sslmode: 'verify-ca' }), otherCa))).rejects.toThrow();
  });

  it('refuses sslmode values it cannot honour instead of silently dropping TLS', () => {
    expect(() => poolConfigFromUrl(withParams({ sslmode: 'prefer' }))).toThrow(/sslmode=prefer is not supported/);
    expect(() => poolConfigFromUrl(withParams({ sslmode: 'verify-ca' }))).toThrow(/needs a CA bundle/);
  });
});

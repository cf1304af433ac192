import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PROJECT_ROOT, readinessWhenWarm, startDeployable } from '@elar/devstack';
import { loadLicensingConfig } from './env';
import { startLicensing } from './start';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const scratch = mkdtempSync(join(tmpdir(), 'elar-licensing-start-'));
const baseEnv = { DATABASE_URL: databaseUrl, INTERNAL_TOKEN: 'internal-token-for-tests', LOG_LEVEL: 'silent' };
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

/** Runs licensing's real entry point (src/main.ts) with `env` and returns how it ended. */
function runMain(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|PRINT_|PAYMENT_|DATABASE_)/.test(k)));
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'services/licensing/src/main.ts')], {
    cwd: PROJECT_ROOT, env: { ...clean, ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000,
  });
}

describe('licensing in production fails closed', () => {
  it('refuses to start without the vendor webhook secret and with the offline card provider or the local print vendor, naming each variable', () => {
    const documents = { DOCUMENT_STORE: 's3', DOCUMENT_S3_BUCKET: 'elar-documents', DOCUMENT_S3_ACCESS_KEY_ID: 'key', DOCUMENT_S3_SECRET_ACCESS_KEY: 'secret' };
    const run = runMain({ NODE_ENV: 'production', PORT: '0', ...documents });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PRINT_VENDOR_WEBHOOK_SECRET: is required in production');
    expect(run.stderr).toContain("PAYMENT_PROVIDER: 'offline' is refused in production");
    expect(run.stderr).toContain("PRINT_VENDOR: 'local' is refused in production");
  });

  it('outside production the webhook secret has no published default: each process makes its own', () => {
    const a = loadLicensingConfig({ ...baseEnv }).PRINT_VENDOR_WEBHOOK_SECRET;
    const b = loadLicensingConfig({ ...baseEnv }).PRINT_VENDOR_WEBHOOK_SECRET;
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(16);
    expect(loadLicensingConfig({ ...baseEnv, PRINT_VENDOR_WEBHOOK_SECRET: 'from-the-vendor-0123' }).PRINT_VENDOR_WEBHOOK_SECRET).toBe('from-the-vendor-0123');
  });

  it('stops at start, naming PRINT_SPOOL_DIR, when the local vendor’s spool cannot be written', async () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    const config = loadLicensingConfig({ ...baseEnv, PORT: String(await freePort()), PRINT_SPOOL_DIR: join(file, 'spool') });
    await expect(startLicensing(config)).rejects.toThrow(/PRINT_SPOOL_DIR=.*not-a-folder\/spool is not writable \(ENOTDIR\): mount a writable volume there/);
  });

  it('passes DATABASE_CA_FILE on to every database connection as the URL’s sslrootcert', () => {
    const config = loadLicensingConfig({ ...baseEnv, DATABASE_CA_FILE: '/etc/elar/pg-ca/ca.crt' });
    expect(new URL(config.DATABASE_URL).searchParams.get('sslrootcert')).toBe('/etc/elar/pg-ca/ca.crt');
  });
});

describe('licensing readiness', () => {
  it('stays ready while Temporal is unreachable (the catalog keeps answering), reporting Temporal as a separate detail', async () => {
    const licensing = await startDeployable('licensing', { ...baseEnv, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, PRINT_SPOOL_DIR: join(scratch, 'spool') });
    stops.push(() => licensing.stop());
    expect(await readinessWhenWarm(licensing.url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok' }, details: { temporal: 'failing', 'document-store': 'ok' } } });
    expect((await fetch(`${licensing.url}/catalog`, { headers: { 'x-internal-token': baseEnv.INTERNAL_TOKEN } })).status).toBe(200);
  });
});

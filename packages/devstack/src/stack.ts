import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchAttributeFlags } from '@elar/vocabulary';
import { DATA_SERVICES, dropDatabase, ensureDatabase, migrateDatabase, type DataService } from './databases';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { freePort, waitForHttp } from './ports';
import { spawnManaged, type ManagedProcess, type SpawnOptions } from './processes';
import { startPrivateRedis } from './redis';
import { PROJECT_ROOT } from './root';
import { findTemporalCli, startTemporalDevServer, type TemporalDevServer } from './temporal-server';

/** Services that own a database: each gets its own database on one PostgreSQL server. */

export interface StackOptions {
  /** `dev` keeps data in `.data/` and fixed ports; `test` uses fresh databases and free ports. */
  mode: 'dev' | 'test';
  /** A PostgreSQL server URL (any database on it); each service gets its own database there. Else an embedded PostgreSQL server is started. */
  postgresServerUrl?: string;
  /** An external Temporal frontend; else the Temporal CLI's dev server is started. */
  temporalAddress?: string;
  /** Where prefixed logs go; null keeps them (for failure reports) without printing. */
  output?: NodeJS.WritableStream | null;
  /** Extra environment for every process (for example shorter timeouts in tests). */
  env?: Record<string, string>;
  seed?: boolean;
  /** Gateway replicas (tests of cross-replica behaviour); 1 by default. */
  gateways?: number;
  /** Ports chosen by the caller (a fault-injecting proxy in front of a service must know its port first). */
  ports?: Partial<Record<keyof typeof DEV_PORTS, number>>;
  /** The started Temporal dev server keeps its state in this file (kept across `restart('temporal')`); in memory by default in test mode. */
  temporalDbFilename?: string;
  /** Aborting it (Ctrl-C while starting) stops whatever has started; startStack then rejects. */
  signal?: AbortSignal;
  /**
   * Run identity, licensing and the gateway from their production bundles (`dist/<name>.js`, built
   * first by `npm run build:deployables`) with plain node, as the images run them (the benchmark);
   * the worker stays on tsx. Otherwise every deployable runs its TypeScript through tsx.
   */
  compiled?: boolean;
}

/** The deployables `compiled` runs from `dist/`. */
const COMPILED = new Set(['identity', 'licensing', 'gateway']);

export interface Stack {
  gatewayUrl: string;
  /** Every gateway replica (`gatewayUrl` first); more than one with `gateways`. */
  gatewayUrls: string[];
  temporalAddress: string;
  temporalUiUrl?: string;
  mail: MailCatcher;
  databaseUrls: Record<DataService, string>;
  processes: Record<string, ManagedProcess & { recentOutput(): string }>;
  /** Prometheus endpoints: each process's `/metrics`, and `workerSdk` for the Temporal SDK's exporter. */
  metricsUrls: Record<string, string>;
  env: Record<string, string>;
  /** The test stack's private Redis (the gateways' shared rate limits); unset in dev mode. */
  redisUrl?: string;
  /** Starts one more gateway replica (same environment, its own port) and returns its URL. */
  addGateway(env?: Record<string, string>): Promise<string>;
  /** Stops and starts one process again (for crash tests), with the same environment; `temporal` restarts the dev server on its port and file. */
  restart(name: string): Promise<void>;
  /** Kills one process and its children with SIGKILL (as `kill -9` would), without starting it again: `restart` does. */
  crash(name: string): Promise<void>;
  stop(): Promise<void>;
}

const DEV_PORTS = { gateway: 8080, identity: 4001, licensing: 4002, worker: 4010, workerMetrics: 9464, temporal: 7233, ui: 8233, smtp: 1025, postgres: 5433, redis: 6379 };

async function ports(mode: StackOptions['mode'], chosen: StackOptions['ports'] = {}) {
  if (mode === 'dev') return DEV_PORTS;
  const p = {} as Record<keyof typeof DEV_PORTS, number>;
  for (const k of Object.keys(DEV_PORTS) as (keyof typeof DEV_PORTS)[]) p[k] = chosen[k] ?? (await freePort());
  return p;
}

/**
 * A TypeScript entry point run as one process: `node --import tsx <script>` (tsx's loader inside
 * node), not the `tsx` command, which runs the script in a second node process: a SIGKILL of that
 * wrapper (a stop's last resort, a fault test's kill -9) would leave the real process running.
 */
const runTs = (opts: Omit<SpawnOptions, 'command' | 'args'> & { script: string }) =>
  spawnManaged({ ...opts, command: process.execPath, args: ['--import', 'tsx', opts.script], cwd: PROJECT_ROOT });

async function runToCompletion(name: string, script: string, env: Record<string, string>, output: StackOptions['output']) {
  const proc = runTs({ name, script, env, output });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${proc.recentOutput()}`);
}


/**
 * Starts the whole system as separate processes, exactly as `npm start` runs it: Temporal, PostgreSQL,
 * migrations, the mail catcher, identity, licensing, the worker and the gateway. Tests use it with
 * `mode: 'test'` and talk only to `gatewayUrl`.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const output = opts.output === undefined ? process.stdout : opts.output;
  const p = await ports(opts.mode, opts.ports);
  const dataDir = join(PROJECT_ROOT, '.data');
  const cleanups: (() => Promise<void>)[] = [];
  // Once, whoever asks (a signal handler and a finally block may both): later callers wait for the same stop.
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const c of [...cleanups].reverse()) await c().catch(() => undefined);
    })());
  opts.signal?.addEventListener('abort', () => void stopAll(), { once: true });
  /** After an abort nothing new starts (what started before is being stopped). */
  const notAborted = () => {
    if (opts.signal?.aborted) throw new Error('start aborted');
  };
  try {
    let temporal: TemporalDevServer | undefined;
    let temporalAddress = opts.temporalAddress;
    const startTemporal = () =>
      startTemporalDevServer({
        cli: findTemporalCli(PROJECT_ROOT),
        port: p.temporal,
        uiPort: opts.mode === 'dev' ? p.ui : undefined,
        dbFilename: opts.mode === 'dev' ? join(dataDir, 'temporal.db') : opts.temporalDbFilename,
        searchAttributes: searchAttributeFlags(),
        output,
      });
    if (!temporalAddress) {
      temporal = await startTemporal();
      cleanups.push(() => temporal!.stop());
      temporalAddress = temporal.address;
    }

    let postgresServerUrl = opts.postgresServerUrl;
    if (!postgresServerUrl) {
      const pg = await startEmbeddedPostgres({
        port: p.postgres,
        dataDir: opts.mode === 'dev' ? join(dataDir, 'pg') : join(tmpdir(), `elar-pg-${randomBytes(6).toString('hex')}`),
        persistent: opts.mode === 'dev',
        output,
      });
      cleanups.push(() => pg.stop());
      postgresServerUrl = pg.url;
    }
    const databaseUrls = {} as Record<DataService, string>;
    const suffix = opts.mode === 'test' ? `_t${randomBytes(4).toString('hex')}` : '';
    for (const service of DATA_SERVICES) {
      const name = `elar_${service}${suffix}`;
      databaseUrls[service] = await ensureDatabase(postgresServerUrl, name);
      if (opts.mode === 'test' && opts.postgresServerUrl) cleanups.push(() => dropDatabase(postgresServerUrl, name));
      notAborted();
      await migrateDatabase(service, databaseUrls[service], output);
    }

    const mail = await startMailCatcher({ port: p.smtp, dir: opts.mode === 'dev' ? join(dataDir, 'mail') : undefined });
    cleanups.push(() => mail.stop());

    // Tests run the gateways' rate limits in a private Redis, as production does; `npm start` counts in memory.
    let redisUrl: string | undefined;
    if (opts.mode === 'test') {
      const redis = await startPrivateRedis({ port: p.redis, output });
      cleanups.push(() => redis.stop());
      redisUrl = redis.url;
    }

    const secret = opts.mode === 'dev' ? 'dev-only-secret-change-me' : randomBytes(24).toString('hex');
    const common: Record<string, string> = {
      NODE_ENV: opts.mode === 'dev' ? 'development' : 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      TEMPORAL_ADDRESS: temporalAddress,
      INTERNAL_TOKEN: `${secret}-internal`,
      IDENTITY_URL: `http://127.0.0.1:${p.identity}`,
      LICENSING_URL: `http://127.0.0.1:${p.licensing}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(p.smtp),
      ...opts.env,
    };
    const envs: Record<string, Record<string, string>> = {
      identity: { ...common, PORT: String(p.identity), DATABASE_URL: databaseUrls.identity, IDENTITY_PII_KEY: `${secret}-pii` },
      licensing: {
        ...common, PORT: String(p.licensing), DATABASE_URL: databaseUrls.licensing,
        PRINT_VENDOR_WEBHOOK_SECRET: `${secret}-print-vendor`,
        // Documents: `.data/documents` for `npm start`; a throwaway folder per test stack.
        DOCUMENT_STORE_DIR: opts.mode === 'dev' ? join(dataDir, 'documents') : join(tmpdir(), `elar-documents${suffix}`),
      },
      worker: { ...common, PORT: String(p.worker), WORKER_METRICS_PORT: String(p.workerMetrics) },
      gateway: {
        ...common,
        PORT: String(p.gateway),
        SESSION_SIGNING_KEY: `${secret}-sessions`,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        ...(opts.mode === 'dev' ? { DEV_MAIL_DIR: join(dataDir, 'mail') } : {}),
      },
    };
    // The caller's overrides win over every default above.
    for (const name of Object.keys(envs)) Object.assign(envs[name]!, opts.env);
    if (opts.seed) {
      for (const service of DATA_SERVICES) {
        notAborted();
        await runToCompletion(`seed:${service}`, `services/${service}/src/seed.ts`, envs[service]!, output);
      }
    }

    if (opts.mode === 'test') cleanups.push(() => rm(envs.licensing!.DOCUMENT_STORE_DIR!, { recursive: true, force: true }));
    const processes: Stack['processes'] = {};
    const readyUrl: Record<string, string> = {};
    const run = (name: string, env: Record<string, string>) => {
      const service = name.replace(/-?\d+$/, '');
      if (!opts.compiled || !COMPILED.has(service)) return runTs({ name, script: `services/${service}/src/main.ts`, env, output });
      // The bundle's __dirname is dist/: the defaults that point into the sources are given, as the image gives them.
      const paths = { CATALOG_PATH: join(PROJECT_ROOT, 'services', 'licensing', 'catalog', 'catalog.json'), PORTAL_DIR: join(PROJECT_ROOT, 'apps', 'portal', 'dist') };
      return spawnManaged({ name, command: process.execPath, args: ['--enable-source-maps', join('dist', `${service}.js`)], cwd: PROJECT_ROOT, env: { ...paths, ...env }, output });
    };
    const launch = (name: string) => {
      notAborted();
      processes[name] = run(name, envs[name]!);
    };
    const deployables = ['identity', 'licensing', 'worker', 'gateway'];
    for (let i = 2; i <= (opts.gateways ?? 1); i++) {
      envs[`gateway${i}`] = { ...envs.gateway!, PORT: String(await freePort()) };
      deployables.push(`gateway${i}`);
    }
    cleanups.push(async () => {
      await Promise.all(Object.values(processes).map((proc) => proc.stop()));
    });
    const startAndWait = (names: string[]) => {
      for (const name of names) {
        launch(name);
        readyUrl[name] = `http://127.0.0.1:${envs[name]!.PORT}/readyz`;
      }
      return Promise.all(
        names.map((name) =>
          Promise.race([
            waitForHttp(readyUrl[name]!, 120_000),
            processes[name]!.exited.then((code) => {
              throw new Error(`${name} exited (${code}) while starting:\n${processes[name]!.recentOutput()}`);
            }),
          ]),
        ),
      );
    };
    // The gateways last: once the API answers, every service behind it does too.
    await startAndWait(deployables.filter((d) => !d.startsWith('gateway')));
    await startAndWait(deployables.filter((d) => d.startsWith('gateway')));

    return {
      gatewayUrl: `http://127.0.0.1:${p.gateway}`,
      gatewayUrls: deployables.filter((d) => d.startsWith('gateway')).map((d) => `http://127.0.0.1:${envs[d]!.PORT}`),
      temporalAddress,
      temporalUiUrl: temporal?.uiUrl,
      mail,
      databaseUrls,
      processes,
      env: common,
      metricsUrls: {
        ...Object.fromEntries(deployables.map((name) => [name, `http://127.0.0.1:${envs[name]!.PORT}/metrics`])),
        workerSdk: `http://127.0.0.1:${p.workerMetrics}/metrics`,
      },
      redisUrl,
      async addGateway(env = {}) {
        const name = `gateway-${Object.keys(processes).filter((n) => n.startsWith('gateway')).length + 1}`;
        const port = await freePort();
        processes[name] = run(name, { ...envs.gateway!, ...env, PORT: String(port) });
        await waitForHttp(`http://127.0.0.1:${port}/readyz`, 120_000);
        return `http://127.0.0.1:${port}`;
      },
      async restart(name) {
        if (name === 'temporal') {
          if (!temporal) throw new Error('this stack did not start Temporal');
          await temporal.stop();
          temporal = await startTemporal();
          return;
        }
        await processes[name]!.stop();
        launch(name);
        await waitForHttp(readyUrl[name]!, 120_000);
      },
      async crash(name) {
        const proc = name === 'temporal' ? temporal?.process : processes[name];
        if (!proc) throw new Error(`no process ${name} in this stack`);
        await proc.kill('SIGKILL');
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}


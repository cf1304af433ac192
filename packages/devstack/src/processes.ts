import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];
let nextColor = 0;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The stop signal (SIGTERM unless set), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Where prefixed output goes; `null` keeps it quiet (tests), but it is still kept for failure reports. */
  output?: NodeJS.WritableStream | null;
  /** Run as this account (the local PostgreSQL server, when started by root). */
  uid?: number;
  gid?: number;
  /** The signal `stop()` sends first (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
}

/** Starts a child process whose every output line is prefixed with its name, like docker compose. */
export function spawnManaged(opts: SpawnOptions): ManagedProcess & { recentOutput: () => string } {
  const color = COLORS[nextColor++ % COLORS.length];
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid }),
  });
  const recent: string[] = [];
  const prefix = process.stdout.isTTY ? `\x1b[${color}m${opts.name.padEnd(10)}\x1b[0m| ` : `${opts.name.padEnd(10)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 200) recent.shift();
      opts.output?.write(`${prefix}${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name: opts.name,
    child,
    exited,
    recentOutput: () => recent.join('\n'),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(opts.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

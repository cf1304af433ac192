import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];
let nextColor = 0;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The stop signal (SIGTERM unless set), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Sends `signal` to the process and every descendant (`tsx` runs the program in a child), then waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  exited: Promise<number | null>;
}

/** The process ids under `pid` (children first found by scanning /proc: Linux only), deepest last. */
function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) if (parent === p) { found.push(child); walk(child); }
  };
  walk(pid);
  return found;
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
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const tree = [child.pid, ...descendantsOf(child.pid)];
      for (const pid of tree) {
        try {
          process.kill(pid, signal);
        } catch {
          /* already gone */
        }
      }
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(opts.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

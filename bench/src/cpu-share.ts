import { readFileSync, readdirSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Every process running the command `name` (all of PostgreSQL's backends, say). */
export const processesNamed = (name: string) => (): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);

/** The whole machine's busy CPU seconds (all cores; other people's work included), from /proc/stat. */
function machineBusySeconds(): number {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
}

/** Named groups of processes, each found when sampled (PostgreSQL forks a backend per connection). */
export type ProcessGroups = Record<string, () => number[]>;

/**
 * Starts counting where the CPU goes: `stop()` gives, for each group (a service, the gateway,
 * PostgreSQL, Redis, this process, which drives the load) and for the whole machine (`machine`:
 * other people's work included), the CPU seconds used in between. A process that starts in between
 * counts whole; one that ends in between is lost: open connections before starting. /proc counts
 * in 10 ms ticks, fine over thousands of requests.
 */
export function startCpuMeter(groups: ProcessGroups): CpuMeter {
  const sample = () => new Map(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, cpuSecondsOf(pid)]))]));
  const before = sample();
  const machineBefore = machineBusySeconds();
  return {
    stop() {
      const after = sample();
      const seconds: Record<string, number> = { machine: machineBusySeconds() - machineBefore };
      for (const [name, pids] of after) {
        // A process that started in between (a pool reopening an idle connection: a new PostgreSQL backend) counts whole.
        seconds[name] = [...pids].reduce((sum, [pid, s]) => sum + (before.get(name)?.has(pid) ? s - before.get(name)!.get(pid)! : s), 0);
      }
      return (requests: number) => Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, (s * 1000) / Math.max(1, requests)]));
    },
  };
}

export interface CpuMeter {
  /** Stops counting; the answer divides what was counted by a number of requests (ms per request, by group). */
  stop(): (requests: number) => Record<string, number>;
}

/** `gateway 0.28, identity 0.31, ...` (ms per request), the busiest first, without the idle ones. */
export const describeShares = (perRequestMs: Record<string, number>) =>
  Object.entries(perRequestMs)
    .filter(([name, ms]) => name !== 'machine' && ms >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');

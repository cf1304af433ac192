import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@elar/devstack';

/** Resident memory in bytes of a deployable (each runs as one node process). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The production bundles (`npm run build:deployables`: tsup, a few seconds), which the benchmark runs as the images do. */
export function buildDeployables(): void {
  const built = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsup'), { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error(`npm run build:deployables failed (${built.status})`);
}

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@elar/devstack';

/** The node process doing the work: the stack runs each deployable as tsx plus one node child. */
export function serviceProcess(launcherPid: number): number {
  const children = readdirSync(`/proc/${launcherPid}/task`).flatMap((t) =>
    readFileSync(`/proc/${launcherPid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return children[0] ?? launcherPid;
}

/** Resident memory in bytes of a deployable (its working node process). */
export function rssOf(launcherPid: number): number {
  const status = readFileSync(`/proc/${serviceProcess(launcherPid)}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The production bundles (`npm run build:deployables`: tsup, a few seconds), which the benchmark runs as the images do. */
export function buildDeployables(): void {
  const built = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsup'), { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error(`npm run build:deployables failed (${built.status})`);
}

import { readFileSync, readdirSync } from 'node:fs';

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

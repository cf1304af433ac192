import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which package (or own code, or V8 bucket) a frame belongs to. */
function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(services|packages)\/([^/]+)\//.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

export interface ProfileSummary {
  file: string;
  service: string;
  totalMs: number;
  /** Self time per package, own code folder or V8 bucket, largest first (share of non-idle time). */
  byOwner: { owner: string; ms: number; share: number }[];
  topFunctions: { name: string; ms: number }[];
}

/** Self time per owner from a `.cpuprofile`; the service is the one whose own code appears most. */
export function summarizeProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const owners = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  const services = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${owner}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const svc = /\/services\/([^/]+)\/src\//.exec(url)?.[1];
    if (svc) services.set(svc, (services.get(svc) ?? 0) + 1);
  }
  const service = [...services].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  return {
    file,
    service,
    totalMs: total,
    byOwner: [...owners].map(([owner, ms]) => ({ owner, ms, share: ms / total })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...fns].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 15),
  };
}

/** The largest profile per service in a folder (tsx's launcher process writes a near-empty one too). */
export function summarizeFolder(dir: string): ProfileSummary[] {
  const best = new Map<string, ProfileSummary>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const s = summarizeProfile(join(dir, f));
    if (!best.has(s.service) || best.get(s.service)!.totalMs < s.totalMs) best.set(s.service, s);
  }
  return [...best.values()];
}

export function formatSummary(s: ProfileSummary, top = 12): string {
  const lines = [`${s.service}: ${s.totalMs.toFixed(0)} ms of CPU (not idle)`];
  for (const o of s.byOwner.slice(0, top)) lines.push(`  ${(o.share * 100).toFixed(1).padStart(5)}%  ${o.owner}`);
  lines.push('  top functions (self):');
  for (const f of s.topFunctions.slice(0, 8)) lines.push(`  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
  return lines.join('\n');
}

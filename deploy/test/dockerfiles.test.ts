import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './load-manifests';
import { DEPLOYABLES } from './deployables';

interface Instruction { op: string; args: string }

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(file: string): Instruction[] {
  return readFileSync(file, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

describe.each(DEPLOYABLES.map((d) => d.name))('services/%s/Dockerfile', (name) => {
  const file = join(ROOT, 'services', name, 'Dockerfile');
  const ins = instructions(file);
  const stages = ins.filter((i) => i.op === 'FROM').map((i) => i.args.split(/\s+AS\s+/i)[1]);

  it('is multi-stage, installs production dependencies only, and ends non-root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(ins.some((i) => i.op === 'RUN' && /npm ci --omit=dev/.test(i.args))).toBe(true);
    const user = ins.filter((i) => i.op === 'USER').at(-1)!.args;
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('every COPY from the build context names a path that exists and is not docker-ignored', () => {
    const copies = ins.filter((i) => i.op === 'COPY' && !i.args.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const src of parts.slice(0, -1)) {
        expect({ src, exists: existsSync(join(ROOT, src)) }).toEqual({ src, exists: true });
        expect({ src, ignored: dockerignore.includes(src) }).toEqual({ src, ignored: false });
      }
    }
  });

  it('every COPY --from names an earlier stage', () => {
    ins.forEach((i, at) => {
      const from = /--from=(\S+)/.exec(i.args)?.[1];
      if (i.op !== 'COPY' || !from) return;
      const earlier = ins.slice(0, at).filter((x) => x.op === 'FROM').map((x) => x.args.split(/\s+AS\s+/i)[1]);
      expect(earlier).toContain(from);
    });
  });

  it('starts node as PID 1 in exec form on the service entry point', () => {
    const cmd = JSON.parse(ins.filter((i) => i.op === 'CMD').at(-1)!.args) as string[];
    expect(cmd).toEqual(['node', '--import', 'tsx', `services/${name}/src/main.ts`]);
    expect(existsSync(join(ROOT, cmd[3]!))).toBe(true);
    expect(ins.some((i) => i.op === 'ENTRYPOINT')).toBe(false);
  });
});

describe('the worker image', () => {
  it('prebuilds the workflow bundle with build-bundle.ts and points WORKFLOW_BUNDLE_PATH at it', () => {
    const ins = instructions(join(ROOT, 'services', 'worker', 'Dockerfile'));
    const build = ins.find((i) => i.op === 'RUN' && i.args.includes('services/worker/src/build-bundle.ts'));
    const out = build!.args.split(/\s+/).at(-1)!;
    const env = ins.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toContain(`WORKFLOW_BUNDLE_PATH=/app/${out}`);
    expect(existsSync(join(ROOT, 'services', 'worker', 'src', 'build-bundle.ts'))).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './load-manifests';
import { DEPLOYABLES } from './deployables';
import { dockerignore, expand, instructions, stagesOf, type Instruction } from './dockerfile';

const ins = instructions(join(ROOT, 'Dockerfile'));
const stages = stagesOf(ins);
const stage = (name: string): Instruction[] => stages.find((s) => s.name === name)?.instructions ?? [];
const ignored = dockerignore(join(ROOT, '.dockerignore'));

describe('the root Dockerfile (one recipe, ARG SERVICE)', () => {
  it('is multi-stage, installs production dependencies only, and ends non-root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(ins.some((i) => i.op === 'RUN' && /npm ci --omit=dev/.test(i.args))).toBe(true);
    const user = stage('runtime').filter((i) => i.op === 'USER').at(-1)!.args;
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('every COPY from the build context names a path that exists and is not docker-ignored', () => {
    const copies = ins.filter((i) => i.op === 'COPY' && !i.args.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const src of parts.slice(0, -1)) {
        expect({ src, exists: existsSync(join(ROOT, src)) }).toEqual({ src, exists: true });
        expect({ src, ignored: ignored.includes(src) }).toEqual({ src, ignored: false });
      }
    }
  });

  it('every COPY --from names an earlier stage', () => {
    ins.forEach((i, at) => {
      const from = /--from=(\S+)/.exec(i.args)?.[1];
      if (i.op !== 'COPY' || !from) return;
      const earlier = stagesOf(ins.slice(0, at)).map((s) => s.name);
      expect(earlier).toContain(from);
    });
  });

  it('starts node as PID 1 in exec form on a fixed entry that loads the service’s compiled main', () => {
    const cmd = JSON.parse(stage('runtime').filter((i) => i.op === 'CMD').at(-1)!.args) as string[];
    expect(cmd).toEqual(['node', '--enable-source-maps', 'main.js']);
    expect(ins.some((i) => i.op === 'ENTRYPOINT')).toBe(false);
    const entry = stage('runtime').find((i) => i.op === 'RUN' && i.args.includes('> main.js'));
    expect(entry?.args).toContain('test -f dist/${SERVICE}.js');
    expect(entry?.args).toContain(`require("./dist/%s.js")`);
  });

  it('compiles with tsup (no tsx at run time) and ships no TypeScript sources but what migrations need', () => {
    expect(stage('build').some((i) => i.op === 'RUN' && /node_modules\/\.bin\/tsup$/.test(i.args))).toBe(true);
    const runtimeSources = stage('runtime').filter((i) => i.op === 'COPY' && i.args.startsWith('--from=manifests /src/')).map((i) => i.args.split(/\s+/)[1]);
    expect(runtimeSources.sort()).toEqual(['/src/packages', '/src/services/${SERVICE}', '/src/tooling']);
    expect(stage('runtime').map((i) => i.args).join('\n')).not.toMatch(/tsx/);
  });

  it('generates every service’s Prisma client before compiling (the bundles include them)', () => {
    const run = stage('build').find((i) => i.op === 'RUN' && i.args.includes('prisma generate'))!.args;
    expect(run).toContain('for config in services/*/prisma.config.ts');
    expect(run.indexOf('prisma generate')).toBeLessThan(run.indexOf('tsup'));
    for (const d of DEPLOYABLES) {
      if (existsSync(join(ROOT, 'services', d.name, 'prisma', 'schema.prisma'))) expect(existsSync(join(ROOT, 'services', d.name, 'prisma.config.ts'))).toBe(true);
    }
  });

  it('builds the API services by default and the worker only with --target worker', () => {
    expect(stages.at(-1)!.from).toBe('runtime');
    expect(stages.at(-1)!.name).not.toBe('worker');
    expect(stage('worker').some((i) => i.op === 'RUN' && i.args === 'test "${SERVICE}" = worker')).toBe(true);
  });

  it('leaves no per-service Dockerfile behind', () => {
    for (const d of DEPLOYABLES) expect({ d: d.name, exists: existsSync(join(ROOT, 'services', d.name, 'Dockerfile')) }).toEqual({ d: d.name, exists: false });
  });
});

describe.each(DEPLOYABLES.map((d) => d.name))('--build-arg SERVICE=%s', (name) => {
  const vars = { SERVICE: name };

  it('copies a service folder that exists and the bundle tsup writes for it', () => {
    const sources = stage('runtime')
      .filter((i) => i.op === 'COPY' && i.args.startsWith('--from=manifests /src/'))
      .map((i) => expand(i.args, vars).split(/\s+/)[1]!.replace('/src/', ''));
    expect(sources).toContain(`services/${name}`);
    for (const src of sources) expect({ src, exists: existsSync(join(ROOT, src)) }).toEqual({ src, exists: true });
    const bundle = stage('runtime').find((i) => i.op === 'COPY' && i.args.startsWith('--from=build /app/dist/'))!;
    expect(expand(bundle.args, vars)).toContain(`/app/dist/${name}.js `);
    expect(readFileSync(join(ROOT, 'tsup.config.ts'), 'utf8')).toContain(`${name}: 'services/${name}/src/main.ts'`);
  });
});

describe('the worker target', () => {
  it('prebuilds the workflow bundle with build-bundle.ts and points WORKFLOW_BUNDLE_PATH at it', () => {
    const build = stage('workflow-bundle').find((i) => i.op === 'RUN' && i.args.includes('services/worker/src/build-bundle.ts'));
    const out = build!.args.split(/\s+/).at(-1)!;
    const env = stage('worker').filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toContain(`WORKFLOW_BUNDLE_PATH=/app/${out}`);
    expect(stage('worker').some((i) => i.op === 'COPY' && i.args === `--from=workflow-bundle /app/${out} ./${out}`)).toBe(true);
    expect(existsSync(join(ROOT, 'services', 'worker', 'src', 'build-bundle.ts'))).toBe(true);
  });

  it('uses the bundle path the worker ConfigMap sets', () => {
    const configMap = readFileSync(join(ROOT, 'deploy', 'k8s', 'base', 'config', 'worker-configmap.yaml'), 'utf8');
    const env = stage('worker').filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    const path = /WORKFLOW_BUNDLE_PATH=(\S+)/.exec(env)![1]!;
    expect(configMap).toContain(`WORKFLOW_BUNDLE_PATH: ${path}`);
  });
});

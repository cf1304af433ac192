import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './load-manifests';
import { DEPLOYABLES } from './deployables';
import { dockerignore, expand, instructions, stagesOf } from './dockerfile';

/**
 * What a `docker build` of the root Dockerfile would find in this checkout (no Docker engine here).
 * The rest is tested by running it: hadolint (stage references, non-root user, exec-form CMD) in
 * server-validation.test.ts, and the tsup bundles the image runs, started under plain node, in
 * compiled-deployables.test.ts.
 */
const ins = instructions(join(ROOT, 'Dockerfile'));
const ignored = dockerignore(join(ROOT, '.dockerignore'));
const stage = (name: string) => stagesOf(ins).find((s) => s.name === name)?.instructions ?? [];

describe.each(DEPLOYABLES.map((d) => d.name))('docker build --build-arg SERVICE=%s', (name) => {
  it('finds every path it copies from the build context, none of them docker-ignored', () => {
    const sources = ins
      .filter((i) => i.op === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) => expand(i.args, { SERVICE: name }).split(/\s+/).filter((p) => !p.startsWith('--')).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    const problems = sources.filter((src) => !existsSync(join(ROOT, src)) || ignored.includes(src));
    expect(problems).toEqual([]);
  });

  it('copies a service folder that exists into the runtime image', () => {
    const fromSources = stage('runtime')
      .filter((i) => i.op === 'COPY' && i.args.startsWith('--from=manifests /src/'))
      .map((i) => expand(i.args, { SERVICE: name }).split(/\s+/)[1]!.replace('/src/', ''));
    expect(fromSources).toContain(`services/${name}`);
    expect(fromSources.filter((src) => !existsSync(join(ROOT, src)))).toEqual([]);
  });
});

describe('the worker target', () => {
  it('sets WORKFLOW_BUNDLE_PATH to the bundle it copies in, the path the worker ConfigMap gives the pods', () => {
    const env = stage('worker').filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    const path = /WORKFLOW_BUNDLE_PATH=(\S+)/.exec(env)![1]!;
    expect(stage('worker').some((i) => i.op === 'COPY' && i.args.startsWith('--from=workflow-bundle ') && i.args.endsWith(path.replace('/app/', './')))).toBe(true);
    const configMap = readFileSync(join(ROOT, 'deploy', 'k8s', 'base', 'config', 'worker-configmap.yaml'), 'utf8');
    expect(configMap).toContain(`WORKFLOW_BUNDLE_PATH: ${path}`);
  });
});

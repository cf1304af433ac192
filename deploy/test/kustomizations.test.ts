import { describe, expect, it } from '@jest/globals';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEPLOY, readDocs, yamlFiles, type K8sObject } from './load-manifests';

const kustomizations = yamlFiles(join(DEPLOY, 'k8s')).filter((f) => f.endsWith('kustomization.yaml'));

/** The objects a kustomization directory's resources contain (following nested kustomizations). */
function objectsOf(dir: string): K8sObject[] {
  const k = readDocs(join(dir, 'kustomization.yaml'))[0]!.value;
  return (k.resources ?? []).flatMap((r: string) => {
    const path = resolve(dir, r);
    return statSync(path).isDirectory() ? objectsOf(path) : readDocs(path).map((d) => d.value as K8sObject);
  });
}

describe('kustomizations', () => {
  it('has a base, dev and prod overlays, and a migrations kustomization per overlay', () => {
    const rel = kustomizations.map((f) => f.slice(DEPLOY.length + 1)).sort();
    expect(rel).toEqual(expect.arrayContaining([
      'k8s/base/kustomization.yaml', 'k8s/overlays/dev/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml',
      'k8s/overlays/dev/migrations/kustomization.yaml', 'k8s/overlays/prod/migrations/kustomization.yaml',
    ]));
  });

  it.each(kustomizations.map((f) => [f.slice(DEPLOY.length + 1), f]))('%s: every resource and patch exists', (_rel, file) => {
    const k = readDocs(file)[0]!.value;
    const dir = dirname(file);
    for (const r of k.resources ?? []) {
      const path = resolve(dir, r);
      expect({ resource: r, exists: existsSync(path) }).toEqual({ resource: r, exists: true });
      if (statSync(path).isDirectory()) expect(existsSync(join(path, 'kustomization.yaml'))).toBe(true);
    }
    for (const p of k.patches ?? []) expect({ patch: p.path, exists: existsSync(resolve(dir, p.path)) }).toEqual({ patch: p.path, exists: true });
  });

  it('lists every base manifest file in the base kustomization (nothing silently left out)', () => {
    const base = join(DEPLOY, 'k8s', 'base');
    const listed = new Set((readDocs(join(base, 'kustomization.yaml'))[0]!.value.resources as string[]).map((r) => resolve(base, r)));
    const onDisk = yamlFiles(base).filter((f) => !f.endsWith('kustomization.yaml') && !f.includes('/migrations/'));
    expect(onDisk.filter((f) => !listed.has(f))).toEqual([]);
  });

  it.each(['dev', 'prod'])('%s overlay: patches target objects that exist, and every image is pinned by the overlay', (env) => {
    const dir = join(DEPLOY, 'k8s', 'overlays', env);
    const k = readDocs(join(dir, 'kustomization.yaml'))[0]!.value;
    const objects = objectsOf(dir);
    for (const p of k.patches ?? []) {
      const patch = readDocs(resolve(dir, p.path))[0]!.value;
      const target = p.target ?? { kind: patch.kind, name: patch.metadata?.name };
      const matches = objects.filter((o) => o.kind === target.kind && (!target.name || o.metadata.name === target.name));
      expect({ patch: p.path, matches: matches.length > 0 }).toEqual({ patch: p.path, matches: true });
    }
    const images = new Set(objects.flatMap((o) => podSpecOf(o)?.containers.concat(podSpecOf(o)?.initContainers ?? []).map((c: { image: string }) => c.image.split(':')[0]) ?? []));
    const overridden = new Set((k.images ?? []).map((i: { name: string }) => i.name));
    expect([...images].filter((i) => !overridden.has(i))).toEqual([]);
    const migrations = readDocs(join(dir, 'migrations', 'kustomization.yaml'))[0]!.value;
    expect(migrations.namespace).toBe(k.namespace);
    expect(migrations.images).toEqual(k.images);
  });
});

const podSpecOf = (o: K8sObject) => (o.kind === 'Deployment' || o.kind === 'Job' ? o.spec.template.spec : undefined);

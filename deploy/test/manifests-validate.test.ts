import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { DEPLOY, isKustomization, isPatch, readDocs, yamlFiles, type K8sObject } from './load-manifests';

/** kubernetes-models class for an apiVersion/kind: `apps/v1` + `Deployment` -> kubernetes-models/apps/v1/Deployment. */
function modelFor(obj: K8sObject): (new (o: unknown) => { validate(): void }) | undefined {
  try {
    // Core objects live under `v1/`, grouped ones under `<group>/<version>/`: the apiVersion is the path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module path is computed per object; a static import cannot name it
    return require(`kubernetes-models/${obj.apiVersion}/${obj.kind}`)[obj.kind];
  } catch {
    return undefined;
  }
}

const objectFiles = [
  ...yamlFiles(join(DEPLOY, 'k8s')).filter((f) => !isKustomization(f) && !isPatch(f)),
  ...yamlFiles(join(DEPLOY, 'postgres')),
  ...yamlFiles(join(DEPLOY, 'temporal')).filter((f) => !f.endsWith('values.yaml')),
];

describe('every manifest parses and validates against the Kubernetes schemas', () => {
  it('finds the manifests', () => {
    expect(objectFiles.length).toBeGreaterThan(20);
  });

  it.each(yamlFiles(DEPLOY).map((f) => [f.slice(DEPLOY.length + 1), f]))('%s parses as YAML', (_rel, file) => {
    expect(readDocs(file).length).toBeGreaterThan(0);
  });

  it.each(objectFiles.map((f) => [f.slice(DEPLOY.length + 1), f]))('%s validates', (_rel, file) => {
    for (const { value } of readDocs(file)) {
      expect(value).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String), metadata: { name: expect.any(String) } });
      if (/(^postgresql\.cnpg\.io|^monitoring\.coreos\.com)\//.test(value.apiVersion)) {
        // Custom resources kubernetes-models does not carry: server-validation.test.ts applies the real
        // CloudNativePG and Prometheus Operator CRDs and dry-runs these objects against them.
        expect(['Cluster', 'ScheduledBackup', 'ServiceMonitor', 'PodMonitor', 'PrometheusRule']).toContain(value.kind);
        continue;
      }
      const Model = modelFor(value);
      if (!Model) throw new Error(`no schema for ${value.apiVersion} ${value.kind}`);
      expect(() => new Model(value).validate()).not.toThrow();
    }
  });

  it('rejects an invalid object (the validator is really on)', () => {
    const Model = modelFor({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } })!;
    const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 'http' }] }] } } } };
    expect(() => new Model(broken).validate()).toThrow();
  });
});

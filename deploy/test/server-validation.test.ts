import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { freePort } from '@elar/devstack';
import { DEPLOY, readDocs, type K8sObject } from './load-manifests';

/**
 * The deployment as a real cluster sees it (deploy/validate.sh): every overlay rendered by
 * `kubectl kustomize`, the Temporal chart 1.6.0 by `helm template`, all dry-run against a real
 * kube-apiserver with the CloudNativePG and Prometheus Operator CRDs, and hadolint on the Dockerfile.
 * The first run on a machine builds the tools (about 7 minutes on 2 cores); later runs take seconds.
 */
const BUILD_MINUTES = 25;
const out = mkdtempSync(join(tmpdir(), 'elar-deploy-validate-'));
const bash = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('bash', args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: BUILD_MINUTES * 60_000, maxBuffer: 64 * 1024 * 1024 });
const apiserverPorts = async () => ({ APORT: String(await freePort()), EPORT: String(await freePort()), PPORT: String(await freePort()) });
const rendered = (file: string): K8sObject[] =>
  parseAllDocuments(readFileSync(join(out, file), 'utf8')).map((d) => d.toJS()).filter(Boolean);

describe('deploy/validate.sh: the real tools accept the deployment', () => {
  let run: ReturnType<typeof bash>;

  it('renders every overlay and the Temporal chart, and the kube-apiserver admits all of it (objects and bare pods)', async () => {
    run = bash([join(DEPLOY, 'validate.sh')], { OUT: out, ...(await apiserverPorts()) });
    const report = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`deploy/validate.sh exited ${run.status}:\n${report.slice(-8000)}`);
    expect(report).toContain('everything admitted');
    for (const overlay of ['dev', 'prod', 'dev-migrations', 'prod-migrations']) expect(report).toContain(`=== kubectl apply --dry-run=server -f ${out}/overlay-${overlay}.yaml`);
    expect(report).toContain(`=== kubectl apply --dry-run=server -f ${out}/temporal-chart.yaml`);
  }, BUILD_MINUTES * 60_000);

  it('the prod overlay spreads every Deployment across zones with the keys the API server accepts', () => {
    const deployments = rendered('overlay-prod.yaml').filter((o) => o.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThanOrEqual(5);
    for (const d of deployments) {
      const [spread] = d.spec.template.spec.topologySpreadConstraints;
      expect(spread.matchLabelKeys).toContain('app.kubernetes.io/name');
      expect(Object.keys(spread.labelSelector.matchLabels ?? {})).not.toContain('app.kubernetes.io/name');
    }
  });

  it('the Temporal frontend network policy selects the frontend pods the chart renders, and only them', () => {
    const chart = rendered('temporal-chart.yaml');
    const [policy] = readDocs(join(DEPLOY, 'temporal', 'network-policy.yaml')).map((d) => d.value as K8sObject);
    const wanted = Object.entries(policy!.spec.podSelector.matchLabels as Record<string, string>);
    const selected = chart
      .filter((o) => o.kind === 'Deployment')
      .filter((d) => wanted.every(([k, v]) => d.spec.template.metadata.labels[k] === v))
      .map((d) => d.metadata.name);
    expect(selected).toEqual(['temporal-frontend']);
    const frontendService = chart.find((o) => o.kind === 'Service' && o.metadata.name === 'temporal-frontend')!;
    expect(frontendService.spec.ports.map((p: { port: number }) => p.port)).toContain(7233);
  });

  it('each worker runs the build its image tag names (WORKER_BUILD_ID, Worker Versioning), in every overlay', () => {
    for (const overlay of ['dev', 'prod']) {
      const workers = rendered(`overlay-${overlay}.yaml`).filter((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'worker');
      expect(workers.length).toBe(2);
      for (const w of workers) {
        const [container] = w.spec.template.spec.containers;
        const buildId = container.env.find((e: { name: string }) => e.name === 'WORKER_BUILD_ID')?.value;
        expect({ overlay, worker: w.metadata.name, buildId }).toEqual({ overlay, worker: w.metadata.name, buildId: container.image.split(':').at(-1) });
      }
    }
  });

  it('the Temporal server has Worker Versioning on (the workers promote their builds)', () => {
    const dynamic = rendered('temporal-chart.yaml').find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'temporal-dynamic-config')!;
    const config = parseAllDocuments(dynamic.data['dynamic_config.yaml'])[0]!.toJS();
    expect(config['system.enableDeploymentVersions']).toEqual([{ value: true }]);
    expect(config['frontend.workerVersioningWorkflowAPIs']).toEqual([{ value: true }]);
  });

  it('the chart registers the search attributes with a hook Job after its namespace Job', () => {
    const jobs = rendered('temporal-chart.yaml').filter((o) => o.kind === 'Job');
    const register = jobs.find((j) => j.metadata.name === 'elar-search-attributes')!;
    expect(register.spec.template.spec.containers[0].env).toContainEqual({ name: 'TEMPORAL_ADDRESS', value: 'temporal-frontend:7233' });
    const namespaceJob = jobs.find((j) => j.metadata.name === 'temporal-namespace')!;
    const weight = (job: K8sObject) => Number((job.metadata.annotations as Record<string, string>)['helm.sh/hook-weight']);
    expect(weight(register)).toBeGreaterThan(weight(namespaceJob));
  });
});

describe('the dry run can fail (the validator is really on)', () => {
  it('refuses a topology spread that lists a key in both matchLabelKeys and labelSelector (the original prod patch)', async () => {
    const bin = bash([join(DEPLOY, 'tools', 'build-k8s-tools.sh')]).stdout.trim();
    const bad = join(out, 'bad-spread.yaml');
    writeFileSync(bad, `apiVersion: apps/v1
kind: Deployment
metadata: { name: spread-probe, namespace: elar }
spec:
  selector: { matchLabels: { app.kubernetes.io/name: spread-probe } }
  template:
    metadata: { labels: { app.kubernetes.io/name: spread-probe } }
    spec:
      containers: [{ name: c, image: registry.example/x:1 }]
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector: { matchExpressions: [{ key: app.kubernetes.io/name, operator: Exists }] }
          matchLabelKeys: [app.kubernetes.io/name]
`);
    const refused = bash([join(DEPLOY, 'tools', 'dry-run.sh'), bad], { BIN: bin, NAMESPACES: 'elar', ...(await apiserverPorts()) });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toMatch(/matchLabelKeys.*labelSelector|labelSelector.*matchLabelKeys/);
  }, BUILD_MINUTES * 60_000);
});

import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYABLES } from './deployables';
import { BASE, DEPLOY, ROOT, baseObjects, named, ofKind, readDocs, type K8sObject } from './load-manifests';
import { ingressAllowed, selects, type PodRef } from './network-policy';

/**
 * Walks every service-to-service call the code makes (each `config.<SERVICE>_URL` client, each
 * Temporal and database connection) through the NetworkPolicies, as the cluster would apply them, and
 * checks that every call is allowed and that no other ELAR pod can make it.
 */
const objects = baseObjects();
const policies = ofKind(objects, 'NetworkPolicy');
const deployments = ofKind(objects, 'Deployment');
const common = named(objects, 'ConfigMap', 'elar-common').data as Record<string, string>;
// The labels the base kustomization adds to every pod template (app.kubernetes.io/part-of).
const addedLabels = Object.assign({}, ...((readDocs(join(BASE, 'kustomization.yaml'))[0]!.value.labels ?? []) as { pairs: Record<string, string> }[]).map((l) => l.pairs));
const NAMESPACES = ['elar', 'elar-dev'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'generated' ? [] : sourceFiles(p);
    return /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
const codeOf = (deployable: string) => sourceFiles(join(ROOT, 'services', deployable, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');

/** Caller -> callee pairs found in the code: `config.IDENTITY_URL` in licensing means licensing calls identity. */
const serviceCalls = DEPLOYABLES.flatMap(({ name }) =>
  [...new Set([...codeOf(name).matchAll(/config\.([A-Z]+)_URL\b/g)].map((m) => m[1]!.toLowerCase()))]
    .filter((callee) => DEPLOYABLES.some((d) => d.name === callee) && callee !== name)
    .map((callee) => ({ caller: name, callee })),
);
const temporalCallers = DEPLOYABLES.filter(({ name }) => /config\.TEMPORAL_ADDRESS\b/.test(codeOf(name))).map((d) => d.name);

const podOf = (d: K8sObject, namespace: string): PodRef => ({ namespace, labels: { ...d.spec.template.metadata.labels, ...addedLabels } });
const deploymentsOf = (deployable: string) => DEPLOYABLES.find((d) => d.name === deployable)!.deployments.map((n) => named(objects, 'Deployment', n));

/** Where a `<SERVICE>_URL` leads: the Service named by its host, the pods it selects, the container port. */
function target(url: string) {
  const u = new URL(url);
  const svc = named(objects, 'Service', u.hostname);
  const port = svc.spec.ports.find((p: { port: number }) => p.port === Number(u.port));
  const d = deployments.find((x) => selects({ matchLabels: svc.spec.selector }, x.spec.template.metadata.labels))!;
  const containerPort = d.spec.template.spec.containers[0].ports.find((p: { name: string }) => p.name === port.targetPort).containerPort as number;
  return { deployment: d, port: containerPort };
}

describe('service-to-service calls in the code', () => {
  it('are found (the gateway and workers call both services; licensing calls identity)', () => {
    expect(serviceCalls).toEqual(expect.arrayContaining([
      { caller: 'gateway', callee: 'identity' }, { caller: 'gateway', callee: 'licensing' },
      { caller: 'worker', callee: 'identity' }, { caller: 'worker', callee: 'licensing' },
      { caller: 'licensing', callee: 'identity' },
    ]));
    expect(temporalCallers.sort()).toEqual(['identity', 'licensing', 'worker']);
  });

  describe.each(NAMESPACES)('in namespace %s', (namespace) => {
    it.each(serviceCalls)('$caller -> $callee is allowed by the NetworkPolicies, on the port its URL resolves to', ({ caller, callee }) => {
      const { deployment, port } = target(common[`${callee.toUpperCase()}_URL`]!);
      for (const from of deploymentsOf(caller)) {
        expect({ from: from.metadata.name, to: deployment.metadata.name, port, allowed: ingressAllowed(policies, podOf(from, namespace), podOf(deployment, namespace), port) })
          .toEqual({ from: from.metadata.name, to: deployment.metadata.name, port, allowed: true });
      }
    });

    it('no pod reaches a service it never calls (least privilege)', () => {
      for (const callee of DEPLOYABLES.filter((d) => `${d.name.toUpperCase()}_URL` in common)) {
        const { deployment, port } = target(common[`${callee.name.toUpperCase()}_URL`]!);
        const to = podOf(deployment, namespace);
        for (const caller of DEPLOYABLES) {
          if (caller.name === callee.name || serviceCalls.some((c) => c.caller === caller.name && c.callee === callee.name)) continue;
          for (const from of deploymentsOf(caller.name)) {
            expect({ from: from.metadata.name, to: callee.name, allowed: ingressAllowed(policies, podOf(from, namespace), to, port) }).toEqual({ from: from.metadata.name, to: callee.name, allowed: false });
          }
        }
        // Any other pod of the namespace (a debug shell, a job) and ELAR's own pods from another namespace.
        expect(ingressAllowed(policies, { namespace, labels: { app: 'debug-shell', ...addedLabels } }, to, port)).toBe(false);
        expect(ingressAllowed(policies, podOf(named(objects, 'Deployment', 'gateway'), 'default'), to, port)).toBe(false);
      }
    });
  });
});

describe('the Temporal frontend (deploy/temporal/network-policy.yaml)', () => {
  const temporalPolicies = readDocs(join(DEPLOY, 'temporal', 'network-policy.yaml')).map((d) => d.value as K8sObject);
  // The labels chart 1.6.0 puts on the frontend pods (server-validation.test.ts checks them on the rendered chart).
  const frontend: PodRef = { namespace: 'temporal', labels: { 'app.kubernetes.io/name': 'temporal', 'app.kubernetes.io/component': 'frontend', 'app.kubernetes.io/instance': 'temporal' } };
  const grpc = Number(common.TEMPORAL_ADDRESS!.split(':')[1]);

  it.each(NAMESPACES)('admits every ELAR process that connects to Temporal, from %s', (namespace) => {
    expect(common.TEMPORAL_ADDRESS).toMatch(/^temporal-frontend\.temporal\./);
    for (const d of temporalCallers.flatMap(deploymentsOf)) {
      expect({ d: d.metadata.name, allowed: ingressAllowed(temporalPolicies, podOf(d, namespace), frontend, grpc) }).toEqual({ d: d.metadata.name, allowed: true });
    }
  });

  it('refuses the gateway (it never talks to Temporal) and pods of any other namespace', () => {
    expect(ingressAllowed(temporalPolicies, podOf(named(objects, 'Deployment', 'gateway'), 'elar'), frontend, grpc)).toBe(false);
    const stranger = podOf(named(objects, 'Deployment', 'worker-licensing'), 'default');
    expect(ingressAllowed(temporalPolicies, stranger, frontend, grpc)).toBe(false);
    expect(ingressAllowed(temporalPolicies, { namespace: 'elar', labels: { app: 'debug-shell' } }, frontend, grpc)).toBe(false);
  });

  it("lets Temporal's own services (history, matching, worker, UI) reach it on any port", () => {
    expect(ingressAllowed(temporalPolicies, { namespace: 'temporal', labels: { 'app.kubernetes.io/component': 'history' } }, frontend, 6933)).toBe(true);
  });
});

describe('PostgreSQL (deploy/postgres)', () => {
  const pgPolicies = readDocs(join(DEPLOY, 'postgres', 'elar-clusters-network-policy.yaml')).map((d) => d.value as K8sObject);
  const instance = (cluster: string): PodRef => ({ namespace: 'elar', labels: { 'cnpg.io/cluster': cluster } });

  it.each(['identity', 'licensing'])('%s and its migration Job reach their own cluster on 5432', (service) => {
    expect(ingressAllowed(pgPolicies, podOf(named(objects, 'Deployment', service), 'elar'), instance(`elar-${service}-pg`), 5432)).toBe(true);
    const job = named(objects, 'Job', `${service}-migrate`);
    expect(ingressAllowed(pgPolicies, { namespace: 'elar', labels: job.spec.template.metadata.labels }, instance(`elar-${service}-pg`), 5432)).toBe(true);
  });

  it('lets Prometheus scrape the exporters (9187), and nothing else in from other namespaces', () => {
    const prometheus: PodRef = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
    expect(ingressAllowed(pgPolicies, prometheus, instance('elar-identity-pg'), 9187)).toBe(true);
    expect(ingressAllowed(pgPolicies, prometheus, instance('elar-identity-pg'), 5432)).toBe(false);
    expect(ingressAllowed(pgPolicies, podOf(named(objects, 'Deployment', 'gateway'), 'elar'), instance('elar-identity-pg'), 5432)).toBe(false);
  });
});

describe('metrics scraping', () => {
  it('every Deployment is scraped (ServiceMonitor through its Service, or PodMonitor), and Prometheus may reach each scraped port', () => {
    const prometheus: PodRef = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
    const containerPort = (d: K8sObject, name: string) => d.spec.template.spec.containers[0].ports.find((p: { name: string }) => p.name === name)?.containerPort as number;
    const viaServices = ofKind(objects, 'ServiceMonitor').flatMap((m) =>
      ofKind(objects, 'Service')
        .filter((svc) => selects(m.spec.selector, { ...svc.metadata.labels, ...addedLabels }))
        .flatMap((svc) => m.spec.endpoints.map((e: { port: string }) => {
          const d = deployments.find((x) => selects({ matchLabels: svc.spec.selector }, x.spec.template.metadata.labels))!;
          return { d, port: containerPort(d, svc.spec.ports.find((p: { name: string }) => p.name === e.port).targetPort) };
        })),
    );
    const viaPods = ofKind(objects, 'PodMonitor').flatMap((m) =>
      deployments
        .filter((d) => selects(m.spec.selector, podOf(d, 'elar').labels))
        .flatMap((d) => m.spec.podMetricsEndpoints.map((e: { port: string }) => ({ d, port: containerPort(d, e.port) }))),
    );
    const scraped = [...viaServices, ...viaPods].map(({ d, port }) => ({ d: d.metadata.name, port, allowed: ingressAllowed(policies, prometheus, podOf(d, 'elar'), port) }));
    expect([...new Set(scraped.map((s) => s.d))].sort()).toEqual(deployments.map((d) => d.metadata.name).sort());
    // The workers' Temporal SDK exporter (WORKER_METRICS_PORT) is among them.
    const sdkPort = Number(named(objects, 'ConfigMap', 'elar-worker').data.WORKER_METRICS_PORT);
    expect(scraped.filter((s) => s.port === sdkPort).map((s) => s.d).sort()).toEqual(['worker-identity', 'worker-licensing']);
    expect(scraped.filter((s) => !s.allowed || !s.port)).toEqual([]);
  });
});

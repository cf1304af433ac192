import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { DEPLOYABLES } from './deployables';
import { baseObjects, named, ofKind, type K8sObject, type Yaml } from './load-manifests';

const objects = baseObjects();
const deployments = ofKind(objects, 'Deployment');

/** The port the process listens on: PORT from the container env, else the schema's default. */
function listenPort(d: K8sObject, schema: z.ZodObject): number {
  const c = d.spec.template.spec.containers[0];
  const literal = (c.env ?? []).find((e: { name: string }) => e.name === 'PORT')?.value;
  return (schema.shape as Record<string, z.ZodType>).PORT!.parse(literal) as number;
}

const resolvePort = (container: Yaml, port: number | string): number =>
  typeof port === 'number' ? port : container.ports.find((p: { name: string }) => p.name === port)?.containerPort;

const cases = DEPLOYABLES.flatMap(({ schema, deployments: names }) => names.map((name) => ({ name, schema })));

describe.each(cases)('$name: probes and ports match what the process serves', ({ name, schema }) => {
  const d = named(objects, 'Deployment', name);
  const c = d.spec.template.spec.containers[0];
  const port = listenPort(d, schema);

  it('readiness is GET /readyz and liveness GET /healthz on the port the process listens on (packages/http/src/health.ts)', () => {
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(resolvePort(c, c.readinessProbe.httpGet.port)).toBe(port);
    expect(resolvePort(c, c.livenessProbe.httpGet.port)).toBe(port);
  });

  it('the Prometheus scrape annotation points at a declared container port', () => {
    const scrapePort = Number(d.spec.template.metadata.annotations['prometheus.io/port']);
    expect(c.ports.map((p: { containerPort: number }) => p.containerPort)).toContain(scrapePort);
  });

  it('runs as non-root with a read-only root filesystem and no extra capabilities, with requests and limits', () => {
    const pod = d.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
    }
  });

  it('has an HPA and a PDB that select it', () => {
    const hpa = ofKind(objects, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === name);
    expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(1);
    const labels = d.spec.template.metadata.labels;
    const pdb = ofKind(objects, 'PodDisruptionBudget').find((p) =>
      Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
    );
    expect(pdb).toBeDefined();
  });
});

describe('Services, Ingress and NetworkPolicies', () => {
  it.each(ofKind(objects, 'Service'))('Service $metadata.name selects a Deployment and targets a named port it declares', (svc) => {
    const target = deployments.find((d) => Object.entries(svc.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v));
    expect(target).toBeDefined();
    const names = target!.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name);
    for (const p of svc.spec.ports) expect(names).toContain(p.targetPort);
  });

  it('exposes only the gateway through the Ingress, and only under /api', () => {
    const ingresses = ofKind(objects, 'Ingress');
    const backends = ingresses.flatMap((i) => i.spec.rules.flatMap((r: Yaml) => r.http.paths.map((p: Yaml) => [p.path, p.backend.service.name])));
    expect(backends).toEqual([['/api', 'gateway']]);
  });

  it('denies ingress by default; only the gateway and metrics policies admit traffic from other namespaces', () => {
    const policies = ofKind(objects, 'NetworkPolicy');
    expect(named(objects, 'NetworkPolicy', 'default-deny-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    // Which ELAR pod may call which is walked from the code in service-calls-policy.test.ts.
    const external = policies.filter((p) => p.spec.ingress?.some((r: Yaml) => r.from?.some((f: Yaml) => f.namespaceSelector)));
    expect(external.map((p) => p.metadata.name).sort()).toEqual(['gateway-from-ingress-controller', 'metrics-from-monitoring']);
  });

  it('sets no replica count where a HorizontalPodAutoscaler owns it (an apply would scale it back)', () => {
    const scaled = ofKind(objects, 'HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name);
    expect(scaled.sort()).toEqual(deployments.map((d) => d.metadata.name).sort());
    expect(deployments.filter((d) => d.spec.replicas !== undefined).map((d) => d.metadata.name)).toEqual([]);
  });

  it('gives licensing a writable, mounted print spool and reads the vendor webhook secret from a Secret', () => {
    const d = named(objects, 'Deployment', 'licensing');
    const c = d.spec.template.spec.containers[0];
    const spool = named(objects, 'ConfigMap', 'elar-licensing').data.PRINT_SPOOL_DIR as string;
    expect(c.envFrom).toContainEqual({ configMapRef: { name: 'elar-licensing' } });
    expect(c.volumeMounts.some((m: { mountPath: string; readOnly?: boolean }) => (spool === m.mountPath || spool.startsWith(`${m.mountPath}/`)) && !m.readOnly)).toBe(true);
    expect(c.env.find((e: { name: string }) => e.name === 'PRINT_VENDOR_WEBHOOK_SECRET').valueFrom.secretKeyRef).toEqual({ name: 'elar-licensing', key: 'PRINT_VENDOR_WEBHOOK_SECRET' });
  });

  it('verifies PostgreSQL over TLS: DATABASE_CA_FILE points into the mounted CloudNativePG CA, for the service and its migrations', () => {
    for (const name of ['identity', 'licensing']) {
      const pod = named(objects, 'Deployment', name).spec.template.spec;
      const job = named(objects, 'Job', `${name}-migrate`).spec.template.spec;
      for (const [spec, c] of [[pod, pod.containers[0]], [pod, pod.initContainers[0]], [job, job.containers[0]]]) {
        const ca = c.env.find((e: { name: string }) => e.name === 'DATABASE_CA_FILE').value as string;
        const mount = c.volumeMounts.find((m: { mountPath: string }) => ca.startsWith(`${m.mountPath}/`));
        expect(spec.volumes.find((v: { name: string }) => v.name === mount.name).secret.secretName).toBe(`elar-${name}-pg-ca`);
      }
    }
  });

  it('runs prisma migrate deploy before each data service serves (initContainer) and as a Job per service', () => {
    for (const name of ['identity', 'licensing']) {
      const init = named(objects, 'Deployment', name).spec.template.spec.initContainers;
      expect(init.map((c: { command: string[] }) => c.command.slice(1, 3))).toEqual([['migrate', 'deploy']]);
      const job = named(objects, 'Job', `${name}-migrate`).spec.template.spec.containers[0];
      expect(job.command).toEqual(init[0].command);
      expect(job.workingDir).toBe(`/app/services/${name}`);
    }
  });

  it("exposes the worker's Temporal SDK metrics port (WORKER_METRICS_PORT) as a container port", () => {
    const port = Number(named(objects, 'ConfigMap', 'elar-worker').data.WORKER_METRICS_PORT);
    for (const d of deployments.filter((x) => x.metadata.name.startsWith('worker-'))) {
      expect(d.spec.template.spec.containers[0].ports).toContainEqual({ name: 'sdk-metrics', containerPort: port });
    }
  });
});

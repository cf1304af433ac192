import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { fields, productionProblems } from '@elar/config';
import { DEPLOYABLES, TASK_QUEUES, requiredVariables } from './deployables';
import { baseObjects, named, ofKind, type K8sObject, type Yaml } from './load-manifests';

const objects = baseObjects();

interface Provided {
  /** Literal values (env `value` and ConfigMap data). */
  literal: Record<string, string>;
  /** Names filled from Secrets at run time (values never in the repository). */
  fromSecret: Set<string>;
}

function provided(container: Yaml): Provided {
  const literal: Record<string, string> = {};
  const fromSecret = new Set<string>();
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(literal, named(objects, 'ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) throw new Error('use secretKeyRef per variable, so the test can see which keys are read');
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) literal[e.name] = e.value;
    else if (e.valueFrom?.secretKeyRef) fromSecret.add(e.name);
    else if (e.valueFrom?.configMapKeyRef) literal[e.name] = named(objects, 'ConfigMap', e.valueFrom.configMapKeyRef.name).data[e.valueFrom.configMapKeyRef.key];
  }
  return { literal, fromSecret };
}

const mainContainer = (d: K8sObject) => d.spec.template.spec.containers[0];

describe.each(DEPLOYABLES)('$name: its Deployments provide what its env.ts requires', ({ schema, deployments }) => {
  const required = requiredVariables(schema);

  it('derives a non-empty required list from the schema', () => {
    expect(required.length).toBeGreaterThan(0);
    expect(required).toContain('INTERNAL_TOKEN');
  });

  it.each(deployments)('%s provides every required variable', (name) => {
    const p = provided(mainContainer(named(objects, 'Deployment', name)));
    const have = new Set([...Object.keys(p.literal), ...p.fromSecret]);
    expect(required.filter((v) => !have.has(v))).toEqual([]);
  });

  it.each(deployments)('%s: every literal value it sets for the schema passes the schema field', (name) => {
    const { literal } = provided(mainContainer(named(objects, 'Deployment', name)));
    const shape = schema.shape as Record<string, z.ZodType>;
    const bad = Object.entries(literal)
      .filter(([k]) => k in shape)
      .filter(([k, v]) => !shape[k]!.safeParse(v).success)
      .map(([k, v]) => `${k}=${v}`);
    expect(bad).toEqual([]);
  });

  it.each(deployments)('%s: every variable set directly on the container is one the schema knows (no typos)', (name) => {
    const env = (mainContainer(named(objects, 'Deployment', name)).env ?? []) as { name: string }[];
    expect(env.map((e) => e.name).filter((n) => !(n in schema.shape))).toEqual([]);
  });

  it.each(deployments)('%s listens on all interfaces (HOST 0.0.0.0), not loopback', (name) => {
    expect(provided(mainContainer(named(objects, 'Deployment', name))).literal.HOST).toBe('0.0.0.0');
  });

  it.each(deployments)('%s reads secrets only by key reference (no secret values in the repository)', (name) => {
    const d = named(objects, 'Deployment', name);
    // `fields.secret` marks secrets in env.ts; database URLs and passwords carry credentials too.
    const secretish = Object.entries(schema.shape)
      .filter(([k, field]) => field === fields.secret || k === 'DATABASE_URL' || k.endsWith('_PASSWORD'))
      .map(([k]) => k);
    expect(secretish.length).toBeGreaterThan(0);
    const { literal } = provided(mainContainer(d));
    expect(secretish.filter((k) => k in literal)).toEqual([]);
    expect(ofKind(objects, 'Secret')).toEqual([]);
  });
});

describe('production (the base runs NODE_ENV=production)', () => {
  const problemsOf = (name: string) => {
    const { schema, production } = DEPLOYABLES.find((d) => d.deployments.includes(name))!;
    const { literal, fromSecret } = provided(mainContainer(named(objects, 'Deployment', name)));
    const secretValue = (k: string) => (k === 'DATABASE_URL' ? 'postgresql://from:secret@db/app' : k === 'REDIS_URL' ? 'rediss://:from-a-secret@redis:6380' : 'from-a-secret-0123456789');
    const fromSecrets = Object.fromEntries([...fromSecret].map((k) => [k, secretValue(k)]));
    const env: Record<string, string> = { ...literal, ...fromSecrets };
    const config = schema.parse(env);
    return production ? productionProblems(production, config, env).map((p) => p.variable) : [];
  };

  it.each(DEPLOYABLES.flatMap((d) => d.deployments))('%s provides every variable production requires (no development stand-in)', (name) => {
    expect(problemsOf(name).filter((v) => !['PAYMENT_PROVIDER', 'PRINT_VENDOR'].includes(v))).toEqual([]);
  });

  it('licensing still names the stand-in card provider and print vendor: production refuses to start until real ones exist', () => {
    // Known gap (issue 9): no real card-processor or print-vendor adapter exists yet, so a production
    // licensing pod exits naming these two. When one is added, set it in the prod overlay and update this.
    expect(problemsOf('licensing').sort()).toEqual(['PAYMENT_PROVIDER', 'PRINT_VENDOR']);
  });
});

describe('workers', () => {
  it('runs exactly one Deployment per task queue, each polling only its queue', () => {
    const byQueue = ofKind(objects, 'Deployment')
      .filter((d) => d.metadata.labels?.['app.kubernetes.io/component'] === 'worker')
      .map((d) => provided(mainContainer(d)).literal.WORKER_TASK_QUEUES);
    expect(byQueue.sort()).toEqual(Object.values(TASK_QUEUES).sort());
  });
});

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SA, searchAttributeFlags } from '../../packages/vocabulary/src/search-attributes';
import { DEPLOY, baseObjects, named, readDocs } from './load-manifests';

const values = readDocs(join(DEPLOY, 'temporal', 'values.yaml'))[0]!.value;
/** Chart 1.x renders each `extraObjects` entry as a string through `tpl`: parse it with the template expressions blanked. */
const extraObjects = (values.extraObjects as string[]).map((s) => parse(s.replace(/\{\{[^}]*\}\}/g, 'templated')));

describe('Temporal Helm values (chart 1.6.0; rendered and dry-run for real by server-validation.test.ts)', () => {
  it('pins the chart version in the values, the docs and the validation script', () => {
    expect(readFileSync(join(DEPLOY, 'temporal', 'values.yaml'), 'utf8')).toMatch(/chart `temporal` 1\.6\.0/);
    expect(readFileSync(join(DEPLOY, 'temporal', 'README.md'), 'utf8')).toContain('--version 1.6.0');
    expect(readFileSync(join(DEPLOY, 'validate.sh'), 'utf8')).toContain('TEMPORAL_CHART_VERSION=1.6.0');
  });

  it('keeps persistence and visibility on PostgreSQL over verified TLS, in the 1.x layout (no removed keys)', () => {
    const { datastores, defaultStore, visibilityStore } = values.server.config.persistence;
    for (const store of [datastores[defaultStore], datastores[visibilityStore]]) {
      expect(store.sql).toMatchObject({ pluginName: 'postgres12', createDatabase: false, manageSchema: true, existingSecret: 'temporal-pg-app' });
      expect(store.sql.tls).toMatchObject({ enabled: true, enableHostVerification: true });
    }
    for (const removed of ['cassandra', 'elasticsearch', 'mysql', 'postgresql', 'prometheus', 'grafana', 'schema']) expect(values[removed]).toBeUndefined();
    expect(values.server.config.persistence.default).toBeUndefined();
    expect(values.web.enabled).toBe(true);
  });

  it('registers exactly the search attributes the workflows define, after the namespaces exist', () => {
    const job = extraObjects.find((o) => o.metadata.name === 'elar-search-attributes');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(Number(job.metadata.annotations['helm.sh/hook-weight'])).toBeGreaterThan(0); // the chart's namespace Job has weight 0
    const env = job.spec.template.spec.containers[0].env as { name: string; value: string }[];
    const registered = env.find((e) => e.name === 'ELAR_SEARCH_ATTRIBUTES')!.value.split(/\s+/).sort();
    expect(registered).toEqual(searchAttributeFlags().sort());
    expect(registered).toHaveLength(Object.keys(SA).length);
    const namespaces = values.server.config.namespaces.namespace.map((n: { name: string }) => n.name);
    expect(env.find((e) => e.name === 'ELAR_NAMESPACES')!.value.split(' ').sort()).toEqual(namespaces.sort());
  });

  it('sets retention per namespace and archives closed histories and visibility records to S3 before retention deletes them', () => {
    for (const ns of values.server.config.namespaces.namespace) expect(ns.retention).toMatch(/^\d+d$/);
    expect(values.server.archival.history).toMatchObject({ state: 'enabled', provider: { s3store: expect.any(Object) } });
    expect(values.server.archival.visibility).toMatchObject({ state: 'enabled', provider: { s3store: expect.any(Object) } });
    expect(values.server.namespaceDefaults.archival.history.URI).toMatch(/^s3:\/\//);
    expect(values.server.namespaceDefaults.archival.visibility.URI).toMatch(/^s3:\/\//);
  });

  it('creates the namespace the services use, and the services point at the chart frontend', () => {
    const common = named(baseObjects(), 'ConfigMap', 'elar-common').data;
    expect(values.server.config.namespaces.namespace.map((n: { name: string }) => n.name)).toContain(common.TEMPORAL_NAMESPACE);
    expect(common.TEMPORAL_ADDRESS).toMatch(/^temporal-frontend\.temporal\.svc\.cluster\.local:7233$/);
  });
});

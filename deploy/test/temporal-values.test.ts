import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { SA, searchAttributeFlags } from '../../packages/vocabulary/src/search-attributes';
import { DEPLOY, baseObjects, named, readDocs } from './load-manifests';

const values = readDocs(join(DEPLOY, 'temporal', 'values.yaml'))[0]!.value;

describe('Temporal Helm values', () => {
  it('keeps persistence and visibility on PostgreSQL, with no bundled Cassandra, Elasticsearch or MySQL', () => {
    const { default: store, visibility } = values.server.config.persistence;
    expect(store.sql.driver).toBe('postgres12');
    expect(visibility.sql.driver).toBe('postgres12');
    for (const dep of ['cassandra', 'elasticsearch', 'mysql', 'postgresql']) expect(values[dep].enabled).toBe(false);
    expect(values.web.enabled).toBe(true);
  });

  it('registers exactly the search attributes the workflows define', () => {
    const job = values.extraObjects.find((o: { metadata: { name: string } }) => o.metadata.name === 'elar-search-attributes');
    const env = job.spec.template.spec.containers[0].env as { name: string; value: string }[];
    const registered = env.find((e) => e.name === 'ELAR_SEARCH_ATTRIBUTES')!.value.split(/\s+/).sort();
    expect(registered).toEqual(searchAttributeFlags().sort());
    expect(registered).toHaveLength(Object.keys(SA).length);
  });

  it('creates the namespace the services use, and the services point at the chart frontend', () => {
    const common = named(baseObjects(), 'ConfigMap', 'elar-common').data;
    expect(values.server.config.namespaces.namespace.map((n: { name: string }) => n.name)).toContain(common.TEMPORAL_NAMESPACE);
    expect(common.TEMPORAL_ADDRESS).toMatch(/^temporal-frontend\.temporal\.svc\.cluster\.local:7233$/);
  });
});

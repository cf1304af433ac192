import type { ServiceClient } from '@elar/http';
import type { Logger } from '@elar/logger';

interface Named {
  id: string;
  name: string;
}
interface CatalogSubset {
  licenseTypes?: Named[];
  fields?: Named[];
  endorsements?: Named[];
  requirements?: Named[];
}

export interface CatalogNames {
  requirement: (id: string) => string;
  licenseType: (id: string) => string;
  field: (id: string) => string;
  endorsement: (id: string) => string;
}

const REFRESH_MS = 5 * 60_000;

/** Without the catalog (licensing unreachable): "masters-transcript" -> "Masters transcript", never an error. */
const humanize = (id: string) => (id ? id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ') : id);

const lookup = (list: Named[] | undefined) => {
  const map = new Map((list ?? []).map((x) => [x.id, x.name]));
  return (id: string) => map.get(id) ?? humanize(id);
};

/**
 * Catalog names for emails, read from licensing's catalog (the one source of those names) and kept
 * for five minutes. An email is never held up by it: on failure the last copy, else readable ids.
 */
export function createCatalogNames(licensing: ServiceClient | undefined, logger?: Logger) {
  let cached: { at: number; names: CatalogNames } | undefined;
  const build = (c: CatalogSubset): CatalogNames => ({
    requirement: lookup(c.requirements),
    licenseType: lookup(c.licenseTypes),
    field: lookup(c.fields),
    endorsement: lookup(c.endorsements),
  });
  return async function current(): Promise<CatalogNames> {
    if (cached && Date.now() - cached.at < REFRESH_MS) return cached.names;
    if (!licensing) return build({});
    try {
      const { body } = await licensing.get<CatalogSubset>('/catalog');
      cached = { at: Date.now(), names: build(body) };
      return cached.names;
    } catch (err) {
      logger?.warn({ err }, 'catalog unavailable; emails use readable ids');
      return cached?.names ?? build({});
    }
  };
}
export type CatalogNamesSource = ReturnType<typeof createCatalogNames>;

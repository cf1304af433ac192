import { useEffect, useState } from 'react';
import type { Catalog } from './types';

let cached: Promise<Catalog> | undefined;

/** The license catalog (public, the same for everyone): fetched once per page load. */
export function useCatalog(): Catalog | undefined {
  const [catalog, setCatalog] = useState<Catalog>();
  useEffect(() => {
    cached ??= fetch('/api/v1/catalog').then((r) => r.json() as Promise<Catalog>);
    cached.then(setCatalog, () => { cached = undefined; });
  }, []);
  return catalog;
}

export const nameOf = (list: { id: string; name: string }[] | undefined, id: string | null | undefined) => list?.find((x) => x.id === id)?.name ?? id ?? '';

import type { Catalog } from '../catalog/catalog';

interface ItemLike { kind: string; licenseType: string | null; field: string }
interface DocLike { id: string; requirementId: string; displayName: string; scanStatus: string }

/** The requirements an application's items need (deduplicated), in catalog order of first appearance. */
export function requiredIds(catalog: Catalog, items: ItemLike[]): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (item.kind === 'license') {
      const type = catalog.licenseTypes.find((t) => t.id === item.licenseType);
      const field = catalog.fields.find((f) => f.id === item.field);
      for (const r of type?.requirements ?? []) {
        const req = catalog.requirements.find((x) => x.id === r);
        if (req?.coreAcademicOnly && !field?.coreAcademic) continue;
        ids.push(r);
      }
    } else {
      ids.push(...(catalog.endorsements.find((e) => e.id === item.field)?.requirements ?? []));
    }
  }
  return [...new Set(ids)];
}

/**
 * Each requirement, whether it is met and by which document: the latest one uploaded for it that a
 * scan found clean (a pending or quarantined document meets nothing).
 */
export function checklist(catalog: Catalog, items: ItemLike[], documents: DocLike[]) {
  return requiredIds(catalog, items).map((id) => {
    const doc = [...documents].reverse().find((d) => d.requirementId === id && d.scanStatus === 'clean');
    return {
      id,
      name: catalog.requirements.find((r) => r.id === id)?.name ?? id,
      met: Boolean(doc),
      documentId: doc?.id ?? null,
      documentName: doc?.displayName ?? null,
    };
  });
}

export const DRAFT_STATUSES = ['Not Ready', 'Pending'];

/** Before submission: Not Ready while a requirement is missing, else Pending (awaiting payment or submission). */
export const draftStatus = (allMet: boolean) => (allMet ? 'Pending' : 'Not Ready');

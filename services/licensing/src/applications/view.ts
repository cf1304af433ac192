import type { Catalog } from '../catalog/catalog';
import { applicationFeeCents } from '../catalog/catalog';
import type { DetailRow } from '../db/hot-reads';
import type { FullApplication } from './access';
import { checklist } from './checklist';
import { toDocumentView } from '../documents/document-view';

type SummaryInput = Pick<FullApplication, 'applicationNumber' | 'status' | 'submittedAt' | 'createdAt' | 'updatedAt'> & {
  items: Pick<FullApplication['items'][number], 'kind' | 'licenseType' | 'field' | 'gradeLevel'>[];
  payments: Pick<FullApplication['payments'][number], 'status'>[];
};

export const toSummary = (catalog: Catalog, a: SummaryInput) => ({
  applicationNumber: a.applicationNumber,
  status: a.status,
  items: a.items.map((i) => ({ kind: i.kind, licenseType: i.licenseType, field: i.field, gradeLevel: i.gradeLevel })),
  feeCents: applicationFeeCents(catalog, a.items.length),
  paid: a.payments.some((p) => p.status === 'succeeded'),
  submittedAt: a.submittedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** The detail page (GET /applications/{n}) from its one query: nested timestamps arrive as ISO text. */
export const toDetail = (catalog: Catalog, a: DetailRow) => ({
  ...toSummary(catalog, a),
  mepid: a.mepid,
  assignedEvaluatorId: a.assignedEvaluatorId,
  checklist: checklist(catalog, a.items, a.documents),
  // One document view for every route: the query's ISO text becomes dates again for it.
  documents: a.documents.map((d) => toDocumentView({ ...d, createdAt: new Date(d.createdAt), scannedAt: d.scannedAt === null ? null : new Date(d.scannedAt) })),
  timeline: a.events.map((e) => ({ at: e.at, actor: e.actor, type: e.type, detail: e.detail ?? undefined })),
  correspondence: a.correspondence,
});

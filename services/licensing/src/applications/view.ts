import type { Catalog } from '../catalog/catalog';
import { applicationFeeCents } from '../catalog/catalog';
import type { FullApplication } from './access';
import { checklist } from './checklist';
import { toDocumentView } from '../documents/document-view';

type SummaryInput = Pick<FullApplication, 'applicationNumber' | 'status' | 'items' | 'payments' | 'submittedAt' | 'createdAt' | 'updatedAt'>;

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

export const toDetail = (catalog: Catalog, a: FullApplication) => ({
  ...toSummary(catalog, a),
  mepid: a.mepid,
  assignedEvaluatorId: a.assignedEvaluatorId,
  checklist: checklist(catalog, a.items, a.documents),
  documents: a.documents.map(toDocumentView),
  timeline: a.events.map((e) => ({ at: e.at.toISOString(), actor: e.actor, type: e.type, detail: e.detail ?? undefined })),
  correspondence: a.correspondence.map((c) => ({
    sequence: c.sequence, letter: c.letter, missingRequirements: c.missingRequirements, dueDate: c.dueDate.toISOString(),
    status: c.status, repliedAt: c.repliedAt?.toISOString() ?? null,
  })),
});

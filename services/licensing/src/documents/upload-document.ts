import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { uploadDocumentRequest } from '@elar/api';
import { AppError, badRequest, conflict, unprocessable } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { checklist, DRAFT_STATUSES, draftStatus } from '../applications/checklist';
import { recordEvent } from '../applications/timeline';
import { safeDisplayName, sniffContentType } from './sniff';

/** Stores a document for a requirement: size- and kind-checked by its bytes, under a generated name, with its SHA-256. */
export async function uploadDocument(deps: LicensingDeps, principal: Principal, applicationNumber: string, body: z.infer<typeof uploadDocumentRequest>) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (![...DRAFT_STATUSES, 'Awaiting Applicant'].includes(app.status)) {
    throw conflict('application-locked', `Documents cannot be added while the application is ${app.status}.`);
  }
  const displayName = safeDisplayName(body.fileName);
  if (!displayName) throw badRequest('invalid-file-name', 'The file name has characters that are not allowed.');
  const required = checklist(deps.catalog, app.items, app.documents);
  if (!required.some((r) => r.id === body.requirementId)) throw unprocessable('unknown-requirement', 'This application does not need that requirement.');
  const bytes = Buffer.from(body.contentBase64, 'base64');
  if (bytes.length > deps.config.DOCUMENT_MAX_BYTES) throw new AppError(413, 'document-too-large', `Documents may be at most ${deps.config.DOCUMENT_MAX_BYTES} bytes.`);
  const kind = sniffContentType(bytes);
  if (!kind) throw new AppError(415, 'unsupported-document-type', 'Upload a PDF, JPEG or PNG file.');
  const doc = await deps.db.document.create({
    data: {
      applicationId: app.id, requirementId: body.requirementId, storedName: `${randomUUID()}.${kind.extension}`, displayName,
      contentType: kind.contentType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
      content: new Uint8Array(bytes), uploadedById: principal.userId,
    },
    omit: { content: true },
  });
  const after = checklist(deps.catalog, app.items, [...app.documents, doc]);
  const status = DRAFT_STATUSES.includes(app.status) ? draftStatus(after.every((r) => r.met)) : app.status;
  await recordEvent(deps, app, { actor: 'educator', type: 'document-uploaded', status, detail: { requirementId: doc.requirementId, documentId: doc.id } });
  return {
    id: doc.id, requirementId: doc.requirementId, displayName: doc.displayName, contentType: doc.contentType,
    sizeBytes: doc.sizeBytes, sha256: doc.sha256, createdAt: doc.createdAt.toISOString(),
  };
}

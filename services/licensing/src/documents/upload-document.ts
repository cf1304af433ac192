import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { AppError, badRequest, conflict, unavailable, unprocessable } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationFor, type FullApplication } from '../applications/access';
import { checklist, DRAFT_STATUSES, draftStatus, requiredIds } from '../applications/checklist';
import { recordEvent } from '../applications/timeline';
import { toDocumentView } from './document-view';
import { scanDocument } from './scan-document';
import { safeDisplayName, serverFileName } from './sniff';
import { documentTooLarge, type SpooledUpload } from './spool-upload';
import { documentKey } from './storage/document-store';

const editable = (status: string) => [...DRAFT_STATUSES, 'Awaiting Applicant'].includes(status);

export interface UploadTarget {
  app: FullApplication;
  /** The most this upload may hold: the per-file limit, or less when the application's byte budget is nearly spent. */
  maxBytes: number;
  tooLarge: AppError;
  /** Throws unless a file for this requirement, with this name, may be added (called before any file byte is read). */
  accept: (requirementId: string | undefined, fileName: string) => void;
}

/** Everything that can refuse an upload before its bytes are read: access, the application's state and the caps. */
export async function beginUpload(deps: LicensingDeps, principal: Principal, applicationNumber: string): Promise<UploadTarget> {
  const { DOCUMENT_MAX_BYTES, DOCUMENTS_PER_APPLICATION, DOCUMENTS_PER_REQUIREMENT, DOCUMENT_BYTES_PER_APPLICATION } = deps.config;
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (!editable(app.status)) throw conflict('application-locked', `Documents cannot be added while the application is ${app.status}.`);
  if (app.documents.length >= DOCUMENTS_PER_APPLICATION) {
    throw conflict('document-limit-reached', `An application may hold at most ${DOCUMENTS_PER_APPLICATION} documents.`, { limit: DOCUMENTS_PER_APPLICATION });
  }
  const budget = DOCUMENT_BYTES_PER_APPLICATION - app.documents.reduce((sum, d) => sum + d.sizeBytes, 0);
  const maxBytes = Math.min(DOCUMENT_MAX_BYTES, budget);
  if (maxBytes <= 0) throw budgetSpent(DOCUMENT_BYTES_PER_APPLICATION);
  const required = requiredIds(deps.catalog, app.items);
  return {
    app,
    maxBytes,
    tooLarge: maxBytes < DOCUMENT_MAX_BYTES ? budgetSpent(DOCUMENT_BYTES_PER_APPLICATION, maxBytes) : documentTooLarge(maxBytes),
    accept(requirementId, fileName) {
      if (!requirementId) throw badRequest('requirement-missing', 'Send the requirementId field before the file.');
      if (!required.includes(requirementId)) throw unprocessable('unknown-requirement', 'This application does not need that requirement.');
      if (app.documents.filter((d) => d.requirementId === requirementId).length >= DOCUMENTS_PER_REQUIREMENT) {
        throw conflict('requirement-document-limit-reached', `A requirement may have at most ${DOCUMENTS_PER_REQUIREMENT} documents.`, { limit: DOCUMENTS_PER_REQUIREMENT });
      }
      if (!safeDisplayName(fileName)) throw badRequest('invalid-file-name', 'The file name has characters that are not allowed.');
    },
  };
}

const budgetSpent = (total: number, left = 0) =>
  new AppError(413, 'application-documents-too-large', `An application's documents may total at most ${total} bytes; ${Math.max(0, left)} are left.`, { maxBytes: Math.max(0, left) });

/**
 * Stores a received upload: scanned, written to the document store under a server-made key, then
 * recorded. The store is written first and the row last, inside a lock on the application that
 * checks the caps again (two uploads at once cannot pass a cap together); if the store fails nothing
 * is recorded, and if recording fails the object is removed, so the application is unchanged and a
 * retry starts clean. The spooled file is removed in every case.
 */
export async function finishUpload(deps: LicensingDeps, principal: Principal, target: UploadTarget, upload: { requirementId: string; fileName: string; file: SpooledUpload }) {
  const { app } = target;
  const { file } = upload;
  try {
    const scan = await scanDocument(deps, file);
    const storedName = `${randomUUID()}.${file.extension}`;
    const key = documentKey(app.id, storedName);
    try {
      await deps.documents.put(key, file);
    } catch (err) {
      deps.logger.error({ errName: (err as Error).name, store: deps.documents.kind }, 'document store refused a put');
      throw unavailable('document-store-unavailable', 'The document could not be stored. Nothing was saved; please try again shortly.');
    }
    const doc = await recordDocument(deps, principal, target, upload, { storedName, scan }).catch(async (err: unknown) => {
      await deps.documents.delete(key).catch(() => undefined);
      throw err;
    });
    const after = checklist(deps.catalog, app.items, [...app.documents, doc]);
    const status = DRAFT_STATUSES.includes(app.status) ? draftStatus(after.every((r) => r.met)) : app.status;
    await recordEvent(deps, app, { actor: 'educator', type: 'document-uploaded', status, detail: { requirementId: doc.requirementId, documentId: doc.id, scanStatus: doc.scanStatus } });
    return toDocumentView(doc);
  } finally {
    await rm(file.path, { force: true });
  }
}

async function recordDocument(
  deps: LicensingDeps,
  principal: Principal,
  target: UploadTarget,
  upload: { requirementId: string; fileName: string; file: SpooledUpload },
  stored: { storedName: string; scan: Awaited<ReturnType<typeof scanDocument>> },
) {
  const { DOCUMENTS_PER_APPLICATION, DOCUMENTS_PER_REQUIREMENT, DOCUMENT_BYTES_PER_APPLICATION } = deps.config;
  const { app } = target;
  return deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
    if (!locked || !editable(locked.status)) throw conflict('application-locked', `Documents cannot be added while the application is ${locked?.status ?? 'gone'}.`);
    const existing = await tx.document.findMany({ where: { applicationId: app.id }, select: { requirementId: true, sizeBytes: true } });
    if (existing.length >= DOCUMENTS_PER_APPLICATION) throw conflict('document-limit-reached', `An application may hold at most ${DOCUMENTS_PER_APPLICATION} documents.`, { limit: DOCUMENTS_PER_APPLICATION });
    if (existing.filter((d) => d.requirementId === upload.requirementId).length >= DOCUMENTS_PER_REQUIREMENT) {
      throw conflict('requirement-document-limit-reached', `A requirement may have at most ${DOCUMENTS_PER_REQUIREMENT} documents.`, { limit: DOCUMENTS_PER_REQUIREMENT });
    }
    const used = existing.reduce((sum, d) => sum + d.sizeBytes, 0);
    if (used + upload.file.sizeBytes > DOCUMENT_BYTES_PER_APPLICATION) throw budgetSpent(DOCUMENT_BYTES_PER_APPLICATION, DOCUMENT_BYTES_PER_APPLICATION - used);
    return tx.document.create({
      data: {
        applicationId: app.id, requirementId: upload.requirementId, storedName: stored.storedName,
        displayName: serverFileName(safeDisplayName(upload.fileName)!, upload.file.extension),
        contentType: upload.file.contentType, sizeBytes: upload.file.sizeBytes, sha256: upload.file.sha256, uploadedById: principal.userId,
        ...stored.scan,
      },
    });
  });
}

import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { AppError, conflict, notFound, unavailable } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { serverFileName } from './sniff';
import { DocumentMissingError, documentKey } from './storage/document-store';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** `filename*` (RFC 5987) is the display name; the plain `filename` for old clients is the server-made stored name. */
function contentDisposition(storedName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${storedName}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a document from the store as an attachment: to its owner, evaluators and customer
 * service (other roles are refused by the gateway, 403; another educator gets 404, as for the
 * application). Only a document a scan found clean is sent; its name and type come from the sniffed
 * type, and the response forbids sniffing, caching and running anything it holds.
 */
export async function sendDocument(deps: LicensingDeps, principal: Principal, applicationNumber: string, documentId: string, res: Response) {
  const doc = await deps.db.document.findFirst({ where: { id: documentId, application: { applicationNumber } }, include: { application: { select: { profileId: true } } } });
  if (!doc || (principal.role === 'educator' && doc.application.profileId !== principal.userId)) throw notFound('document-not-found', 'No such document.');
  if (doc.scanStatus === 'quarantined') throw conflict('document-quarantined', 'This document failed its scan and cannot be opened.', { scan: doc.scanDetail });
  if (doc.scanStatus !== 'clean') throw conflict('document-scan-pending', 'This document has not been scanned yet; it can be opened once a scan finds it clean.');
  let object;
  try {
    object = await deps.documents.get(documentKey(doc.applicationId, doc.storedName));
  } catch (err) {
    if (err instanceof DocumentMissingError) throw new AppError(410, 'document-content-missing', "This document's file is no longer stored.");
    deps.logger.error({ errName: (err as Error).name, store: deps.documents.kind }, 'document store refused a get');
    throw unavailable('document-store-unavailable', 'Documents cannot be opened right now. Please try again shortly.');
  }
  res.set({
    'content-type': doc.contentType,
    'content-length': String(object.sizeBytes),
    'content-disposition': contentDisposition(doc.storedName, serverFileName(doc.displayName, EXTENSIONS[doc.contentType] ?? 'bin')),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  });
  try {
    await pipeline(object.body, res);
  } catch {
    res.destroy();
  }
}

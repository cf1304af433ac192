import type { Document } from '../generated/prisma/client';

/**
 * A document as clients see it, with its scan state: evaluators and the educator see whether a file
 * is clean, still pending or quarantined (and why) before they try to open it.
 */
export const toDocumentView = (
  d: Pick<Document, 'id' | 'requirementId' | 'displayName' | 'contentType' | 'sizeBytes' | 'sha256' | 'scanStatus' | 'scanDetail' | 'scannedAt' | 'createdAt'>,
) => ({
  id: d.id,
  requirementId: d.requirementId,
  displayName: d.displayName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  scan: { status: d.scanStatus, detail: d.scanDetail, scannedAt: d.scannedAt?.toISOString() ?? null },
  createdAt: d.createdAt.toISOString(),
});

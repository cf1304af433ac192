import type { Response } from 'express';
import { notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { Db } from '../db/client';

/**
 * Sends an uploaded document as an attachment: to its owner, evaluators and customer service
 * (other roles are refused by the gateway, 403; another educator gets 404, as for the application).
 */
export async function sendDocument(db: Db, principal: Principal, applicationNumber: string, documentId: string, res: Response) {
  const doc = await db.document.findFirst({ where: { id: documentId, application: { applicationNumber } }, include: { application: { select: { profileId: true } } } });
  if (!doc || (principal.role === 'educator' && doc.application.profileId !== principal.userId)) throw notFound('document-not-found', 'No such document.');
  res.set({
    'content-type': doc.contentType,
    'content-length': String(doc.content.length),
    'content-disposition': `attachment; filename="${doc.storedName}"; filename*=UTF-8''${encodeURIComponent(doc.displayName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
  res.end(Buffer.from(doc.content));
}

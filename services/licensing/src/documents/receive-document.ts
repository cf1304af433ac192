import { Readable } from 'node:stream';
import type { Request } from 'express';
import { uploadDocumentRequest } from '@elar/api';
import { parse, type Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { readMultipartUpload } from './multipart-upload';
import { spoolUpload } from './spool-upload';
import { beginUpload, finishUpload } from './upload-document';

/**
 * `POST /applications/{n}/documents`: `multipart/form-data` streams a file of up to
 * DOCUMENT_MAX_BYTES; `application/json` with base64 is kept for small files only (it must fit the
 * 1 MB JSON body limit, about 700 KB of file). Both go through the same checks and store.
 */
export async function receiveDocument(deps: LicensingDeps, principal: Principal, applicationNumber: string, req: Request) {
  const target = await beginUpload(deps, principal, applicationNumber);
  const spoolDir = deps.config.DOCUMENT_SPOOL_DIR;
  if (req.is('multipart/form-data')) {
    const upload = await readMultipartUpload(req, { maxBytes: target.maxBytes, tooLarge: target.tooLarge, spoolDir, accept: target.accept });
    return finishUpload(deps, principal, target, upload);
  }
  const body = parse(uploadDocumentRequest, req.body);
  target.accept(body.requirementId, body.fileName);
  const file = await spoolUpload(Readable.from([Buffer.from(body.contentBase64, 'base64')]), { maxBytes: target.maxBytes, tooLarge: target.tooLarge, spoolDir });
  return finishUpload(deps, principal, target, { requirementId: body.requirementId, fileName: body.fileName, file });
}

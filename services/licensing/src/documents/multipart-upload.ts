import { rm } from 'node:fs/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { AppError, badRequest } from '@elar/errors';
import { spoolUpload, type SpooledUpload } from './spool-upload';

export interface MultipartUpload {
  requirementId: string;
  fileName: string;
  file: SpooledUpload;
}

/**
 * Reads `multipart/form-data` with a `requirementId` field followed by one `file` part, streaming
 * the file through `spoolUpload`. `accept` sees the requirement and file name before any file byte
 * is read and throws to refuse. On a refusal the rest of the body is read and discarded (never
 * kept), so the client and the gateway receive the error response instead of a reset connection.
 */
export function readMultipartUpload(
  req: Request,
  opts: { maxBytes: number; tooLarge: AppError; spoolDir: string; accept: (requirementId: string | undefined, fileName: string) => void },
): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 20 } });
    } catch {
      reject(badRequest('invalid-multipart', 'Send multipart/form-data with a requirementId field, then a file part.'));
      return;
    }
    let requirementId: string | undefined;
    let fileName = '';
    let spooling: Promise<SpooledUpload> | undefined;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      void spooling?.then((f) => rm(f.path, { force: true }), () => undefined);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    parser.on('field', (name, value) => {
      if (name === 'requirementId') requirementId = value;
    });
    parser.on('file', (name, stream, info) => {
      if (settled || name !== 'file') {
        stream.resume();
        if (name !== 'file') fail(badRequest('unexpected-file-part', 'Send the file in the part named "file".'));
        return;
      }
      try {
        opts.accept(requirementId, info.filename ?? '');
      } catch (err) {
        stream.resume();
        fail(err);
        return;
      }
      fileName = info.filename ?? '';
      spooling = spoolUpload(stream, { maxBytes: opts.maxBytes, spoolDir: opts.spoolDir, tooLarge: opts.tooLarge });
      spooling.catch(fail);
    });
    const tooMany = () => fail(badRequest('too-many-parts', 'Send one requirementId field and one file.'));
    parser.on('filesLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('partsLimit', tooMany);
    parser.on('error', () => fail(badRequest('invalid-multipart', 'The multipart body is malformed or ended early.')));
    parser.on('close', () => {
      if (settled) return;
      if (!spooling) return fail(badRequest('file-missing', 'Send the file in a part named "file" after the requirementId field.'));
      spooling.then(
        (file) => {
          if (settled) return void rm(file.path, { force: true });
          settled = true;
          resolve({ requirementId: requirementId!, fileName, file });
        },
        fail,
      );
    });
    req.pipe(parser);
  });
}

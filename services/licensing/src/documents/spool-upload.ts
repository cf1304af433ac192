import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, badRequest } from '@elar/errors';
import { sniffContentType } from './sniff';

export interface SpooledUpload {
  path: string;
  sizeBytes: number;
  sha256: string;
  contentType: string;
  extension: string;
}

const SNIFF_BYTES = 8;

export const documentTooLarge = (maxBytes: number, code = 'document-too-large') =>
  new AppError(413, code, `Documents may be at most ${maxBytes} bytes.`, { maxBytes });
export const unsupportedDocument = () => new AppError(415, 'unsupported-document-type', 'Upload a PDF, JPEG or PNG file.');

/**
 * Writes an upload to a private file in `spoolDir` as it arrives, checking on the way: the kind from
 * the first bytes (PDF, PNG, JPEG; anything else stops the upload at once with 415), the size (one
 * byte over `maxBytes` stops it with 413) and the SHA-256. Memory stays at one chunk whatever the
 * file's size. On any failure the file is removed; on success the caller removes it after storing.
 */
export async function spoolUpload(source: Readable, opts: { maxBytes: number; spoolDir: string; tooLarge?: AppError }): Promise<SpooledUpload> {
  const path = join(opts.spoolDir, `elar-upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  let kind: ReturnType<typeof sniffContentType>;
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      sizeBytes += chunk.length;
      if (sizeBytes > opts.maxBytes) return cb(opts.tooLarge ?? documentTooLarge(opts.maxBytes));
      if (!kind && head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]);
        if (head.length >= SNIFF_BYTES && !(kind = sniffContentType(head))) return cb(unsupportedDocument());
      }
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      if (sizeBytes === 0) return cb(badRequest('empty-document', 'The file is empty.'));
      if (!kind && !(kind = sniffContentType(head))) return cb(unsupportedDocument());
      cb();
    },
  });
  try {
    await pipeline(source, check, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof AppError) throw err;
    throw badRequest('upload-interrupted', 'The upload ended before the file was complete. Please try again.');
  }
  return { path, sizeBytes, sha256: hash.digest('hex'), contentType: kind!.contentType, extension: kind!.extension };
}

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import { assertSafeKey, DocumentMissingError, type DocumentStore } from './document-store';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** Unset: AWS's own endpoint for the region. Set for any other S3 API (versitygw, MinIO, Ceph). */
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Documents in an S3 bucket. A put sends the spooled file with its exact length in one PutObject
 * (AWS S3 stores it atomically; a failed put is followed by a delete of the key for servers that do not). Checksums are sent only where the
 * API requires them, so S3-compatible servers without the newer trailing-checksum encoding work too.
 */
export function createS3Store(opts: S3StoreOptions): DocumentStore {
  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const Bucket = opts.bucket;
  return {
    kind: 's3',
    async put(key, file) {
      assertSafeKey(key);
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: createReadStream(file.path), ContentLength: file.sizeBytes, ContentType: file.contentType }));
      } catch (err) {
        // Some S3-compatible servers (versitygw, seen here) keep what arrived before a connection
        // broke as an object. The key is new and ours alone: remove whatever is there, if the store lets us.
        await client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => undefined);
        throw err;
      }
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return { body: out.Body as Readable, sizeBytes: Number(out.ContentLength ?? 0) };
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') throw new DocumentMissingError(key);
        throw err;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async deletePrefix(prefix) {
      assertSafeKey(prefix);
      let deleted = 0;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        // One DeleteObject per key: an application holds a few dozen at most, and every S3 server supports it.
        for (const { Key } of page.Contents ?? []) {
          if (!Key) continue;
          await client.send(new DeleteObjectCommand({ Bucket, Key }));
          deleted++;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return deleted;
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    async close() {
      client.destroy();
    },
  };
}

import type { Readable } from 'node:stream';

/** A file on local disk that the upload pipeline has already checked (size, kind, SHA-256). */
export interface SpooledFile {
  path: string;
  sizeBytes: number;
  contentType: string;
}

/**
 * Where document bytes live. Keys are made by the server (`documentKey`), never taken from a
 * client. Implementations: the filesystem (the embedded default for `npm start`) and any S3 API
 * (production, and versitygw in tests).
 */
export interface DocumentStore {
  readonly kind: 'filesystem' | 's3';
  /** Stores the file under the key, whole or not at all (a failed put leaves no readable object). */
  put(key: string, file: SpooledFile): Promise<void>;
  /** Streams the object; throws `DocumentMissingError` when there is none. */
  get(key: string): Promise<{ body: Readable; sizeBytes: number }>;
  /** Removes one object (nothing if it is not there). */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with the prefix (an application's folder). */
  deletePrefix(prefix: string): Promise<number>;
  /** Readiness: the store answers and the bucket or folder exists. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export class DocumentMissingError extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
    this.name = 'DocumentMissingError';
  }
}

/** All of an application's objects share this prefix, so discarding a draft removes them at once. */
export const applicationPrefix = (applicationId: string) => `applications/${applicationId}/`;

/** The object key of a document: its application's folder and the server-made stored name. */
export const documentKey = (applicationId: string, storedName: string) => `${applicationPrefix(applicationId)}${storedName}`;

/** Keys are only ever made by `documentKey`; anything else is a bug, refused before touching a path or URL. */
export function assertSafeKey(key: string): void {
  if (!/^applications\/[0-9a-f-]{36}\/([0-9a-f-]{36}\.(pdf|png|jpg))?$/.test(key)) throw new Error(`refusing unsafe object key ${JSON.stringify(key)}`);
}

import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertSafeKey, DocumentMissingError, type DocumentStore } from './document-store';

/**
 * Documents as files under one folder (`.data/documents` for `npm start`). A put copies to a
 * temporary name in the same folder and renames it into place, so a reader never sees half a file.
 */
export function createFilesystemStore(root: string): DocumentStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(base, key);
  };
  return {
    kind: 'filesystem',
    async put(key, file) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const partial = `${target}.${randomUUID()}.partial`;
      try {
        await copyFile(file.path, partial);
        await rename(partial, target);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
    },
    async get(key) {
      const path = pathOf(key);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) throw new DocumentMissingError(key);
      return { body: createReadStream(path), sizeBytes: info.size };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async deletePrefix(prefix) {
      const dir = pathOf(prefix);
      const count = (await readdir(dir).catch(() => [])).length;
      await rm(dir, { recursive: true, force: true });
      return count;
    },
    async check() {
      await mkdir(base, { recursive: true });
    },
    async close() {},
  };
}

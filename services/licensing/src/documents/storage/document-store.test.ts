import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startObjectStore, type ObjectStoreServer } from '@elar/devstack';
import { applicationPrefix, documentKey, DocumentMissingError, type DocumentStore } from './document-store';
import { createFilesystemStore } from './filesystem-store';
import { createS3Store } from './s3-store';

const work = mkdtempSync(join(tmpdir(), 'elar-store-test-'));
let s3: ObjectStoreServer;
const stores: Record<string, DocumentStore> = {};
beforeAll(async () => {
  s3 = await startObjectStore();
  stores.s3 = createS3Store({ bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  stores.filesystem = createFilesystemStore(join(work, 'documents'));
}, 120_000);
afterAll(async () => {
  await Promise.all(Object.values(stores).map((s) => s.close()));
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

const spooled = (content: string) => {
  const path = join(work, randomUUID());
  writeFileSync(path, content);
  return { path, sizeBytes: Buffer.byteLength(content), contentType: 'application/pdf' };
};

describe.each(['filesystem', 's3'])('the %s document store', (kind) => {
  it('stores, streams back and deletes an application\'s documents by prefix', async () => {
    const store = stores[kind]!;
    await store.check();
    const app = randomUUID();
    const other = randomUUID();
    const keys = [documentKey(app, `${randomUUID()}.pdf`), documentKey(app, `${randomUUID()}.png`)];
    const kept = documentKey(other, `${randomUUID()}.pdf`);
    for (const key of [...keys, kept]) await store.put(key, spooled(`%PDF-1.7 ${key} %%EOF`));
    const got = await store.get(keys[0]!);
    expect(got.sizeBytes).toBe(Buffer.byteLength(`%PDF-1.7 ${keys[0]} %%EOF`));
    expect(await text(got.body)).toBe(`%PDF-1.7 ${keys[0]} %%EOF`);

    expect(await store.deletePrefix(applicationPrefix(app))).toBe(2);
    await expect(store.get(keys[1]!)).rejects.toBeInstanceOf(DocumentMissingError);
    expect(await text((await store.get(kept)).body)).toContain(kept);
    await store.delete(kept);
    await expect(store.get(kept)).rejects.toBeInstanceOf(DocumentMissingError);
  });

  it('refuses keys the server did not make', async () => {
    const store = stores[kind]!;
    for (const key of ['../../etc/passwd', `applications/${randomUUID()}/../x.pdf`, `applications/${randomUUID()}/${randomUUID()}.html`]) {
      await expect(store.put(key, spooled('%PDF-'))).rejects.toThrow(/unsafe object key/);
    }
  });
});

describe('the S3 store when the server goes away', () => {
  it('fails the put, leaves no object, and works again once the server is back', async () => {
    const store = stores.s3!;
    const key = documentKey(randomUUID(), `${randomUUID()}.pdf`);
    await s3.process.stop();
    await expect(store.put(key, spooled('%PDF-1.7 %%EOF'))).rejects.toThrow();
    await expect(store.check()).rejects.toThrow();
    await s3.restart();
    await expect(store.get(key)).rejects.toBeInstanceOf(DocumentMissingError);
    await store.put(key, spooled('%PDF-1.7 again %%EOF'));
    expect(await text((await store.get(key)).body)).toBe('%PDF-1.7 again %%EOF');
  }, 60_000);
});

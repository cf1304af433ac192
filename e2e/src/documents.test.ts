import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { request } from 'undici';
import { startObjectStore, type ObjectStoreServer } from '@elar/devstack';
import { signedInEducator, signedInStaff } from './licensing-actors';
import { useTestStack } from './stack';
import { bytesFile, pdfOfSize, peakRssDuring, startCuttingProxy, uploadMultipart } from './uploads';

const MB = 1_000_000;
const MiB = 1024 * 1024;

// The stack's licensing keeps documents in a real S3 server (versitygw), reached through a proxy
// that can cut connections; the caps are small enough to reach in one test.
const env: Record<string, string> = {};
const spoolDir = mkdtempSync(join(tmpdir(), 'elar-spool-'));
let s3: ObjectStoreServer;
let proxy: Awaited<ReturnType<typeof startCuttingProxy>>;
beforeAll(async () => {
  s3 = await startObjectStore();
  proxy = await startCuttingProxy(s3.port);
  Object.assign(env, s3.licensingEnv, {
    DOCUMENT_S3_ENDPOINT: proxy.url,
    DOCUMENT_SPOOL_DIR: spoolDir,
    DOCUMENTS_PER_APPLICATION: '7',
    DOCUMENTS_PER_REQUIREMENT: '3',
    DOCUMENT_BYTES_PER_APPLICATION: String(24 * MiB),
  });
}, 120_000);
const t = useTestStack(env);
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
  rmSync(spoolDir, { recursive: true, force: true });
});

const storedKeys = async () => {
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return (out.Contents ?? []).map((o) => o.Key!).sort();
  } finally {
    client.destroy();
  }
};

const LICENSE = { kind: 'license', licenseType: 'initial', field: 'mathematics', gradeLevel: '8-12' };

describe('documents as files: streamed uploads into S3 (versitygw), limits, scans, downloads, discarding a draft', () => {
  it('streams 15 MB PDFs through the gateway into the store without either process holding the files', async () => {
    const educator = await signedInEducator(t.api, t.stack.databaseUrls.identity, 'Dorothy', 'Vaughan');
    const pids = { gateway: t.stack.processes.gateway!.child.pid!, licensing: t.stack.processes.licensing!.child.pid! };
    const drafts: string[] = [];
    const uploadInto15MB = async () => {
      const draft = await t.api.post('/applications', { items: [LICENSE] }, educator.token);
      drafts.push(draft.body.applicationNumber);
      const file = pdfOfSize(15 * MB);
      const res = await uploadMultipart(t.stack.gatewayUrl, educator.token, draft.body.applicationNumber, 'mtel-subject', 'transcript.pdf', file);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ sizeBytes: 15 * MB, sha256: file.sha256 });
    };
    const mib = (b: number) => (b / MiB).toFixed(1);
    // The first large upload also loads code (the S3 client's first put, the multipart parser):
    // measured on its own, then one into processes that have handled one (the number in the README).
    const first = await peakRssDuring(pids, uploadInto15MB);
    const single = await peakRssDuring(pids, uploadInto15MB);
    // Four at once, 60 MB in flight: a process that held whole files would grow by 60 MB. Streaming,
    // each grows only by what V8 has not yet reclaimed of the socket buffers it passed along.
    const four = await peakRssDuring(pids, () => Promise.all([1, 2, 3, 4].map(uploadInto15MB)));
    process.stdout.write(
      `RSS growth (peak of the process tree, MiB): first 15 MB upload: gateway ${mib(first.growth.gateway!)}, licensing ${mib(first.growth.licensing!)}; ` +
        `the next one: gateway ${mib(single.growth.gateway!)}, licensing ${mib(single.growth.licensing!)}; ` +
        `four 15 MB uploads at once: gateway ${mib(four.growth.gateway!)}, licensing ${mib(four.growth.licensing!)}\n`,
    );
    expect(four.growth.gateway!).toBeLessThan(30 * MB);
    expect(four.growth.licensing!).toBeLessThan(30 * MB);
    for (const n of drafts) expect((await t.api.call('DELETE', `/applications/${n}`, { token: educator.token })).status).toBe(204);
  }, 600_000);

  it('cuts off 21 MB with 413 leaving nothing, refuses other types, names files from their bytes, survives a store failure, scans, caps and discards', async () => {
    const educator = await signedInEducator(t.api, t.stack.databaseUrls.identity, 'Grace', 'Hopper');
    const evaluator = await signedInStaff(t.api, t.stack.databaseUrls.identity, 'EVALUATOR');
    const draft = await t.api.post('/applications', { items: [LICENSE] }, educator.token);
    expect(draft.status).toBe(201);
    const n: string = draft.body.applicationNumber;
    const upload = (requirementId: string, name: string, file: ReturnType<typeof bytesFile>) => uploadMultipart(t.stack.gatewayUrl, educator.token, n, requirementId, name, file);
    const documents = async () => (await t.api.get(`/applications/${n}`, educator.token)).body.documents as { id: string; displayName: string; sha256: string; sizeBytes: number; scan: { status: string; detail: string | null } }[];

    // A small upload first, so the code paths are loaded before memory is measured.
    const first = await upload('bachelors-transcript', 'transcript.pdf', pdfOfSize(50_000));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ displayName: 'transcript.pdf', contentType: 'application/pdf', sizeBytes: 50_000, scan: { status: 'clean' } });

    // 21 MB: cut off at 20 MiB with 413; nothing stored, nothing recorded, nothing left in the spool.
    const keysBefore = await storedKeys();
    const tooBig = await upload('mtel-subject', 'scores.pdf', pdfOfSize(21 * MB));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('document-too-large');
    expect(await storedKeys()).toEqual(keysBefore);
    expect(await documents()).toHaveLength(1);
    expect(readdirSync(spoolDir)).toEqual([]);

    // Not a PDF, PNG or JPEG by its first bytes: refused at once, whatever its name says.
    const html = await upload('mtel-subject', 'scores.pdf', bytesFile(Buffer.from(`<html><script>alert(1)</script>${' '.repeat(100_000)}</html>`)));
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe('unsupported-document-type');

    // Named by the server from the sniffed type, with its SHA-256; downloaded bytes are the uploaded ones.
    const poly = pdfOfSize(5 * MB);
    const named = await upload('mtel-subject', 'poly.html', poly);
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ displayName: 'poly.pdf', sizeBytes: 5 * MB, sha256: poly.sha256, scan: { status: 'clean' } });
    const download = await request(`${t.stack.gatewayUrl}/api/v1/applications/${n}/documents/${named.body.id}`, { headers: { authorization: `Bearer ${evaluator.token}` } });
    expect(download.statusCode).toBe(200);
    expect(download.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'content-security-policy': "sandbox; default-src 'none'" });
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; filename="[0-9a-f-]+\.pdf"; filename\*=UTF-8''poly\.pdf$/);
    const hash = createHash('sha256');
    for await (const chunk of download.body) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(poly.sha256);

    // The store fails in the middle of receiving the object: 503, the application is unchanged; a retry works.
    const before = await documents();
    const keys = await storedKeys();
    proxy.cutAfter(1 * MB);
    const cut = await upload('program-completion', 'invoice.pdf.exe', pdfOfSize(3 * MB));
    expect(cut.status).toBe(503);
    expect(cut.body.error.code).toBe('document-store-unavailable');
    proxy.cutAfter(undefined);
    expect(await documents()).toEqual(before);
    // The store may keep what arrived before the cut (versitygw does, sometimes after licensing's
    // clean-up delete): never referenced, and inside this application's prefix, so discarding removes it.
    const prefix = keys[0]!.split('/').slice(0, 2).join('/');
    expect((await storedKeys()).filter((k) => !keys.includes(k)).every((k) => k.startsWith(`${prefix}/`))).toBe(true);
    expect(readdirSync(spoolDir)).toEqual([]);
    const retry = await upload('program-completion', 'invoice.pdf.exe', pdfOfSize(3 * MB));
    expect(retry.status).toBe(201);
    expect(retry.body.displayName).toBe('invoice.pdf');

    // A PDF without its trailer is kept in quarantine: the evaluator sees why, nobody can open it, it meets nothing.
    const truncated = await upload('sei-endorsement', 'sei.pdf', pdfOfSize(20_000, { trailer: false }));
    expect(truncated.status).toBe(201);
    expect(truncated.body.scan).toMatchObject({ status: 'quarantined', detail: expect.stringContaining('%%EOF') });
    const seen = (await t.api.get(`/applications/${n}`, evaluator.token)).body;
    expect(seen.documents.find((d: { id: string }) => d.id === truncated.body.id).scan.status).toBe('quarantined');
    expect(seen.checklist.find((r: { id: string }) => r.id === 'sei-endorsement').met).toBe(false);
    const opened = await t.api.get(`/applications/${n}/documents/${truncated.body.id}`, evaluator.token);
    expect(opened.status).toBe(409);
    expect(opened.body.error.code).toBe('document-quarantined');

    // Caps: bytes per application (24 MiB here: about 17 MB left), documents per requirement (3), per application (7).
    const overBudget = await upload('sei-endorsement', 'sei.pdf', pdfOfSize(18 * MB));
    expect(overBudget.status).toBe(413);
    expect(overBudget.body.error.code).toBe('application-documents-too-large');
    for (const name of ['a.pdf', 'b.pdf']) expect((await upload('bachelors-transcript', name, pdfOfSize(1000))).status).toBe(201);
    const perRequirement = await upload('bachelors-transcript', 'c.pdf', pdfOfSize(1000));
    expect([perRequirement.status, perRequirement.body.error.code]).toEqual([409, 'requirement-document-limit-reached']);
    expect(await documents()).toHaveLength(6);
    expect((await upload('mtel-communication-literacy', 'd.pdf', pdfOfSize(1000))).status).toBe(201);
    const perApplication = await upload('mtel-communication-literacy', 'e.pdf', pdfOfSize(1000));
    expect([perApplication.status, perApplication.body.error.code]).toEqual([409, 'document-limit-reached']);

    // Discarding the draft deletes its documents from the store.
    expect((await storedKeys()).length).toBeGreaterThanOrEqual(7);
    const discarded = await t.api.call('DELETE', `/applications/${n}`, { token: educator.token });
    expect(discarded.status).toBe(204);
    expect(await storedKeys()).toEqual([]);
    expect((await t.api.get(`/applications/${n}`, educator.token)).status).toBe(404);
  }, 600_000);

  it('keeps small JSON/base64 uploads working, and refuses to discard a paid draft', async () => {
    const educator = await signedInEducator(t.api, t.stack.databaseUrls.identity, 'Mary', 'Jackson');
    const draft = await t.api.post('/applications', { items: [LICENSE] }, educator.token);
    const n: string = draft.body.applicationNumber;
    const small = await t.api.post(`/applications/${n}/documents`, { requirementId: 'mtel-subject', fileName: 'scores.pdf', contentBase64: Buffer.from('%PDF-1.4\n% small\n%%EOF\n').toString('base64') }, educator.token);
    expect(small.status).toBe(201);
    expect(small.body.scan.status).toBe('clean');
    const paid = await t.api.post(`/applications/${n}/payments`, { idempotencyKey: `pay-${n}`, card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } }, educator.token);
    expect(paid.status).toBe(201);
    const refused = await t.api.call('DELETE', `/applications/${n}`, { token: educator.token });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'application-not-discardable']);
    expect((await t.api.get(`/applications/${n}`, educator.token)).body.documents).toHaveLength(1);
  }, 300_000);
});

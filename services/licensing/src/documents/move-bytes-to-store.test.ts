import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase } from '@elar/devstack';
import { createLogger } from '@elar/logger';
import { moveDocumentBytesToStore } from './move-bytes-to-store';
import { createStructureScanner } from './scanner';
import { documentKey } from './storage/document-store';
import { createFilesystemStore } from './storage/filesystem-store';

const serverUrl = process.env.TEST_DATABASE_URL;
const migrations = join(__dirname, '..', '..', 'prisma', 'migrations');
const DROP = '20261129180100_drop_document_bytes';
const name = `elar_move_t${randomBytes(4).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'elar-move-'));
let url: string;
let pg: Client;

const sql = (migration: string) => readFileSync(join(migrations, migration, 'migration.sql'), 'utf8');

beforeAll(async () => {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run through the root jest config (npm test)');
  url = await ensureDatabase(serverUrl, name);
  pg = new Client({ connectionString: url });
  await pg.connect();
  // The database as a deployed system has it just before the bytes column goes.
  for (const m of readdirSync(migrations).filter((d) => /^\d+_/.test(d) && d < DROP).sort()) await pg.query(sql(m));
}, 60_000);
afterAll(async () => {
  await pg?.end();
  if (serverUrl) await dropDatabase(serverUrl, name);
  rmSync(work, { recursive: true, force: true });
});

describe('moving document bytes out of PostgreSQL', () => {
  it('stores every document, empties its bytes and drops the column, and does nothing the second time', async () => {
    const appId = randomUUID();
    await pg.query(
      `INSERT INTO "Application" (id, "applicationNumber", "profileId", mepid, "holderFirstName", "holderLastName", status, "updatedAt")
       VALUES ($1, 'A-2026-999001', $2, '12345678', 'Old', 'Row', 'Not Ready', now())`,
      [appId, randomUUID()],
    );
    const docs = [
      { id: randomUUID(), storedName: `${randomUUID()}.pdf`, content: Buffer.from('%PDF-1.4\n% old upload\n%%EOF\n') },
      { id: randomUUID(), storedName: `${randomUUID()}.pdf`, content: Buffer.from('%PDF-1.4\n% cut short') },
    ];
    for (const d of docs) {
      await pg.query(
        `INSERT INTO "Document" (id, "applicationId", "requirementId", "storedName", "displayName", "contentType", "sizeBytes", sha256, content, "uploadedById")
         VALUES ($1, $2, 'mtel-subject', $3, 'old.pdf', 'application/pdf', $4, 'x', $5, 'someone')`,
        [d.id, appId, d.storedName, d.content.length, d.content],
      );
    }
    // The contract migration leaves the column while rows hold bytes (the previous version may still be serving).
    await pg.query(sql(DROP));

    const store = createFilesystemStore(join(work, 'documents'));
    const deps = { pg, documents: store, scanner: createStructureScanner(), logger: createLogger('test', 'silent'), spoolDir: work };
    expect(await moveDocumentBytesToStore(deps)).toEqual({ moved: 2, bytesColumnDropped: true });
    expect(await moveDocumentBytesToStore(deps)).toEqual({ moved: 0, bytesColumnDropped: false });
    for (const d of docs) {
      const stored = await store.get(documentKey(appId, d.storedName));
      const chunks: Buffer[] = [];
      for await (const c of stored.body) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(d.content)).toBe(true);
    }
    const { rows } = await pg.query(`SELECT * FROM "Document"`);
    expect(rows.every((r) => !('content' in r))).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.scanStatus]))).toEqual({ [docs[0]!.id]: 'clean', [docs[1]!.id]: 'quarantined' });
  });
});

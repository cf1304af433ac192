import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@elar/logger';
import type { Client } from 'pg';
import type { DocumentScanner } from './scanner';
import { scanDocument } from './scan-document';
import { documentKey, type DocumentStore } from './storage/document-store';

interface LegacyRow { id: string; applicationId: string; storedName: string; contentType: string; content: Buffer }

/**
 * Moves document bytes still held in PostgreSQL (rows from before the document store, or written by
 * pods of the previous version during the rollout) into the store, scanning each on the way, then
 * empties the row's bytes and, when none are left, drops the column. Safe to run twice or after a
 * crash: a row is emptied only after its object is stored under its fixed key (a rerun stores the
 * same bytes again), and once the column is gone there is nothing to do. Run it after the rollout.
 * Plain SQL (node-postgres): the column is one the Prisma schema no longer has.
 */
export async function moveDocumentBytesToStore(deps: { pg: Client; documents: DocumentStore; scanner: DocumentScanner; logger: Logger; spoolDir: string }) {
  const { rows: column } = await deps.pg.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Document' AND column_name = 'content'`,
  );
  if (!column.length) return { moved: 0, bytesColumnDropped: false };
  let moved = 0;
  for (;;) {
    // One row at a time: each is at most the old 700 KB limit, and memory stays flat.
    const { rows: [row] } = await deps.pg.query<LegacyRow>(
      `SELECT id, "applicationId", "storedName", "contentType", content FROM "Document" WHERE content IS NOT NULL ORDER BY id LIMIT 1`,
    );
    if (!row) {
      // The contract step of the migration that found bytes and left the column (same guard, so a row written meanwhile is never lost).
      await deps.pg.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM "Document" WHERE "content" IS NOT NULL) THEN ALTER TABLE "Document" DROP COLUMN "content"; END IF; END $$`);
      return { moved, bytesColumnDropped: true };
    }
    const path = join(deps.spoolDir, `elar-move-${randomUUID()}`);
    try {
      const bytes = row.content;
      await writeFile(path, bytes, { mode: 0o600 });
      const file = { path, sizeBytes: bytes.length, contentType: row.contentType };
      const scan = await scanDocument(deps, file);
      await deps.documents.put(documentKey(row.applicationId, row.storedName), file);
      await deps.pg.query(
        `UPDATE "Document" SET content = NULL, "scanStatus" = $2, "scanDetail" = $3, "scannedAt" = $4 WHERE id = $1 AND content IS NOT NULL`,
        [row.id, scan.scanStatus, scan.scanDetail, scan.scannedAt],
      );
      moved++;
      deps.logger.info({ documentId: row.id, scanStatus: scan.scanStatus }, 'document bytes moved to the store');
    } finally {
      await rm(path, { force: true });
    }
  }
}

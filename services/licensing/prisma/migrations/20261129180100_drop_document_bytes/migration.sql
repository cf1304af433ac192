-- Contract: no document bytes in PostgreSQL. The column goes here when no row holds bytes (a new
-- database, or one whose bytes were already moved). Otherwise it stays, so pods of the previous
-- version keep working through the rollout. Once the rollout is done,
-- `npm run documents:move-to-store -w @elar/licensing` moves the bytes to the document store and
-- drops the column itself (README, "Documents").
-- Prisma's WebAssembly engine splits a migration at every semicolon, even inside a dollar-quoted
-- body, so the block is an escape string with each inner semicolon written as \073.
DO E'BEGIN IF EXISTS (SELECT 1 FROM "Document" WHERE "content" IS NOT NULL) THEN RAISE NOTICE \'Document rows still hold bytes: the content column stays until documents:move-to-store has run\'\073 ELSE ALTER TABLE "Document" DROP COLUMN "content"\073 END IF\073 END';

-- Documents move to the document store (filesystem or S3). Expand: the bytes column becomes
-- nullable so `npm run documents:move-to-store -w @elar/licensing` can empty it row by row, and
-- each document gets a scan state (pending until a scanner has looked at it).

-- DropIndex
DROP INDEX "Document_applicationId_idx";

-- AlterTable
ALTER TABLE "Document" ALTER COLUMN "content" DROP NOT NULL,
ADD COLUMN     "scanDetail" TEXT,
ADD COLUMN     "scanStatus" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "scannedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Document_applicationId_requirementId_idx" ON "Document"("applicationId", "requirementId");

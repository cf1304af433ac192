-- A waiting application's status shows an estimate from the last 50 reviews (newest decidedAt
-- first). Without an index every status read scanned and sorted every application.
-- CreateIndex
CREATE INDEX "Application_decidedAt_idx" ON "Application"("decidedAt");

-- At most one live (pending or succeeded) payment per application: two payments with different
-- idempotency keys racing for the same application cannot both reach the card provider.
-- A partial index, which the Prisma schema cannot express (the schema is unchanged).
-- No semicolons in these comments: the migration runner splits the script on them.
CREATE UNIQUE INDEX "Payment_one_live_per_application" ON "Payment"("applicationId") WHERE "status" IN ('pending', 'succeeded');

-- Professional license renewals, their fee payments, and evaluators' internal notes.

-- CreateTable
CREATE TABLE "Renewal" (
    "id" TEXT NOT NULL,
    "renewalNumber" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "mepid" TEXT NOT NULL,
    "licenseNumbers" TEXT[],
    "pdps" JSONB NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL,
    "feeCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "audit" BOOLEAN NOT NULL DEFAULT false,
    "evaluatorId" TEXT,
    "result" JSONB,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Renewal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalPayment" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "renewalId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "receiptId" TEXT,
    "cardLast4" TEXT,
    "declineCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RenewalPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternalNote" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InternalNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Renewal_renewalNumber_key" ON "Renewal"("renewalNumber");
CREATE INDEX "Renewal_profileId_idx" ON "Renewal"("profileId");
CREATE INDEX "Renewal_status_createdAt_idx" ON "Renewal"("status", "createdAt");
CREATE UNIQUE INDEX "RenewalPayment_idempotencyKey_key" ON "RenewalPayment"("idempotencyKey");
CREATE INDEX "RenewalPayment_renewalId_idx" ON "RenewalPayment"("renewalId");
CREATE INDEX "InternalNote_applicationId_createdAt_idx" ON "InternalNote"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "RenewalPayment" ADD CONSTRAINT "RenewalPayment_renewalId_fkey" FOREIGN KEY ("renewalId") REFERENCES "Renewal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One live payment per renewal (as for applications): a second card cannot charge twice.
CREATE UNIQUE INDEX "RenewalPayment_one_live" ON "RenewalPayment"("renewalId") WHERE "status" IN ('pending', 'succeeded');

-- Renewal numbers (R-<year>-<6 digits>).
CREATE SEQUENCE "renewal_number_seq" START 1;

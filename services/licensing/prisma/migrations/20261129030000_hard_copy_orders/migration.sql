-- Hard-copy order numbers (HC-<year>-<n>) come from this sequence, never reused
CREATE SEQUENCE "hard_copy_order_seq" START 1;

-- AlterTable
ALTER TABLE "License" ADD COLUMN     "verificationCode" TEXT;

-- CreateTable
CREATE TABLE "HardCopyOrder" (
    "id" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "mepid" TEXT NOT NULL,
    "licenseId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitFeeCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "address" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "trackingNumber" TEXT,
    "shipment" INTEGER NOT NULL DEFAULT 1,
    "vendorFailures" INTEGER NOT NULL DEFAULT 0,
    "certificatePdf" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardCopyOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HardCopyEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" JSONB,
    "idempotencyKey" TEXT,

    CONSTRAINT "HardCopyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HardCopyPayment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "receiptId" TEXT,
    "cardLast4" TEXT,
    "declineCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardCopyPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrintJob" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "shipment" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrintJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HardCopyOrder_orderNumber_key" ON "HardCopyOrder"("orderNumber");

-- CreateIndex
CREATE INDEX "HardCopyOrder_profileId_idx" ON "HardCopyOrder"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "HardCopyEvent_idempotencyKey_key" ON "HardCopyEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "HardCopyEvent_orderId_at_idx" ON "HardCopyEvent"("orderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "HardCopyPayment_idempotencyKey_key" ON "HardCopyPayment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "HardCopyPayment_orderId_kind_key" ON "HardCopyPayment"("orderId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PrintJob_idempotencyKey_key" ON "PrintJob"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "PrintJob_jobId_key" ON "PrintJob"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "PrintJob_orderId_shipment_key" ON "PrintJob"("orderId", "shipment");

-- CreateIndex
CREATE UNIQUE INDEX "License_verificationCode_key" ON "License"("verificationCode");

-- AddForeignKey
ALTER TABLE "HardCopyOrder" ADD CONSTRAINT "HardCopyOrder_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HardCopyEvent" ADD CONSTRAINT "HardCopyEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "HardCopyOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HardCopyPayment" ADD CONSTRAINT "HardCopyPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "HardCopyOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintJob" ADD CONSTRAINT "PrintJob_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "HardCopyOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'ESCALATED', 'RESOLVED_CORRECTED', 'RESOLVED_DIFFERENT_PEOPLE', 'REJECTED');

-- CreateTable
CREATE TABLE "PartialMatchCase" (
    "id" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "organizationId" TEXT,
    "reason" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "submission" JSONB NOT NULL,
    "submitterEmail" TEXT NOT NULL,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "PartialMatchCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartialMatchCase_caseNumber_key" ON "PartialMatchCase"("caseNumber");

-- CreateIndex
CREATE INDEX "PartialMatchCase_organizationId_status_idx" ON "PartialMatchCase"("organizationId", "status");

-- CreateIndex
CREATE INDEX "OneTimeCode_profileId_purpose_idx" ON "OneTimeCode"("profileId", "purpose");


-- Case numbers (PM-<year>-<n>) come from a sequence: unique and never reused.
CREATE SEQUENCE "case_number_seq" AS BIGINT START 1 NO CYCLE;

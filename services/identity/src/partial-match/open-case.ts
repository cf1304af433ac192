import type { Client } from '@temporalio/client';
import { startPartialMatchEscalation } from '@elar/workflows';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import type { HashedSubmission } from '../profiles/submission';

/** Writes the case inside the caller's transaction; case numbers are `PM-<year>-<6 digits>` from a sequence. */
export async function createCaseRow(
  tx: Prisma.TransactionClient,
  input: { recordId: string; organizationId: string | null; reason: string; submission: HashedSubmission },
) {
  const rows = await tx.$queryRaw<{ v: bigint }[]>`SELECT nextval('case_number_seq') AS v`;
  const caseNumber = `PM-${new Date().getUTCFullYear()}-${String(rows[0]!.v).padStart(6, '0')}`;
  return tx.partialMatchCase.create({
    data: {
      caseNumber,
      recordId: input.recordId,
      organizationId: input.organizationId,
      reason: input.reason,
      submission: input.submission as unknown as Prisma.InputJsonValue,
      submitterEmail: input.submission.email,
    },
  });
}

/** Starts the escalation workflow (ids only in its input; the case number is its id). */
export async function startCaseWorkflow(temporal: Client, c: { caseNumber: string; organizationId: string | null }, recordMepid: string, escalateAfterBusinessDays: number) {
  await startPartialMatchEscalation(temporal, { caseNumber: c.caseNumber, recordMepid, organizationId: c.organizationId ?? undefined, escalateAfterBusinessDays });
}

/**
 * Starts the workflow of every undecided case that may have none (its start failed after the case
 * was committed). Starting is idempotent (the case number is the workflow id), so a case whose
 * workflow runs, or ran, is left alone.
 */
export async function reconcileCaseWorkflows(db: Db, temporal: Client, escalateAfterBusinessDays: number): Promise<number> {
  const open = await db.partialMatchCase.findMany({
    where: { resolvedAt: null, status: { in: ['OPEN', 'ESCALATED'] }, createdAt: { lt: new Date(Date.now() - 30_000) } },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  let started = 0;
  for (const c of open) {
    const record = await db.profile.findUnique({ where: { id: c.recordId }, select: { mepid: true } });
    if (!record) continue;
    const outcome = await startPartialMatchEscalation(temporal, { caseNumber: c.caseNumber, recordMepid: record.mepid, organizationId: c.organizationId ?? undefined, escalateAfterBusinessDays });
    if (outcome === 'started') started++;
  }
  return started;
}

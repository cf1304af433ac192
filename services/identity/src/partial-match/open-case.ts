import type { Client } from '@temporalio/client';
import { startPartialMatchEscalation } from '@elar/workflows';
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

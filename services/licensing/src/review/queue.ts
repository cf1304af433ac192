import type { z } from 'zod';
import type { queueQuery } from '@elar/api';
import type { Db } from '../db/client';

const DAY_MS = 86_400_000;
const QUEUE_STATUSES = ['Ready for Review', 'Under Review', 'Awaiting Applicant'];

/** Submitted, undecided applications, oldest submission first; position counts within the filtered view. */
export async function reviewQueue(db: Db, filter: z.infer<typeof queueQuery>) {
  const rows = await db.application.findMany({
    where: {
      status: filter.status ? filter.status : { in: QUEUE_STATUSES },
      submittedAt: {
        not: null,
        // Age in whole days since submission: at least minAgeDays, at most maxAgeDays.
        ...(filter.minAgeDays !== undefined ? { lte: new Date(Date.now() - filter.minAgeDays * DAY_MS) } : {}),
        ...(filter.maxAgeDays !== undefined ? { gt: new Date(Date.now() - (filter.maxAgeDays + 1) * DAY_MS) } : {}),
      },
      ...(filter.licenseType ? { items: { some: { licenseType: filter.licenseType } } } : {}),
    },
    include: { items: { orderBy: { position: 'asc' } } },
    orderBy: { submittedAt: 'asc' },
    take: 200,
  });
  const now = Date.now();
  return rows.map((a, i) => ({
    applicationNumber: a.applicationNumber,
    status: a.status,
    licenseType: a.items.find((x) => x.kind === 'license')?.licenseType ?? null,
    assignedEvaluatorId: a.assignedEvaluatorId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    ageDays: Math.floor((now - (a.submittedAt?.getTime() ?? now)) / DAY_MS),
    position: i + 1,
  }));
}

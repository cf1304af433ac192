import type { z } from 'zod';
import type { queueQuery } from '@elar/api';
import type { Db } from '../db/client';
import { readQueue } from '../db/hot-reads';

const DAY_MS = 86_400_000;
const QUEUE_STATUSES = ['Ready for Review', 'Under Review', 'Awaiting Applicant'];

/** Submitted, undecided applications, oldest submission first; position counts within the filtered view. */
export async function reviewQueue(db: Db, filter: z.infer<typeof queueQuery>) {
  const now = Date.now();
  const rows = await readQueue(db, {
    statuses: filter.status ? [filter.status] : QUEUE_STATUSES,
    // Age in whole days since submission: at least minAgeDays, at most maxAgeDays.
    submittedAtMost: filter.minAgeDays !== undefined ? new Date(now - filter.minAgeDays * DAY_MS) : undefined,
    submittedAfter: filter.maxAgeDays !== undefined ? new Date(now - (filter.maxAgeDays + 1) * DAY_MS) : undefined,
    licenseType: filter.licenseType,
  });
  return rows.map((a, i) => ({
    applicationNumber: a.applicationNumber,
    status: a.status,
    licenseType: a.licenseType,
    assignedEvaluatorId: a.assignedEvaluatorId,
    submittedAt: a.submittedAt.toISOString(),
    ageDays: Math.floor((now - a.submittedAt.getTime()) / DAY_MS),
    position: i + 1,
  }));
}

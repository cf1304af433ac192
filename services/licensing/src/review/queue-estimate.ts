import type { Db } from '../db/client';

const DAY_MS = 86_400_000;
/** Used until enough decisions exist to measure (an assumption, shown as such in `basis`). */
const DEFAULT_REVIEW_DAYS = 14;

/**
 * Where a waiting application stands: its place among Ready for Review applications (oldest
 * submission first) and an estimated decision date = now + position x the median submit-to-decision
 * time of the last 50 decided applications (or 14 days while fewer than 5 exist).
 */
export async function queueEstimate(db: Db, app: { id: string; status: string; submittedAt: Date | null }, now = new Date()) {
  if (app.status !== 'Ready for Review' || !app.submittedAt) return null;
  const ahead = await db.application.count({ where: { status: 'Ready for Review', submittedAt: { lt: app.submittedAt } } });
  const recent = await db.application.findMany({
    where: { decidedAt: { not: null }, submittedAt: { not: null } },
    select: { submittedAt: true, decidedAt: true },
    orderBy: { decidedAt: 'desc' },
    take: 50,
  });
  const durations = recent.map((r) => r.decidedAt!.getTime() - r.submittedAt!.getTime()).sort((a, b) => a - b);
  const measured = durations.length >= 5;
  const medianMs = measured ? durations[Math.floor(durations.length / 2)]! : DEFAULT_REVIEW_DAYS * DAY_MS;
  const position = ahead + 1;
  return {
    position,
    estimatedDecisionDate: new Date(now.getTime() + position * medianMs).toISOString().slice(0, 10),
    basis: measured ? `median of the last ${durations.length} decisions` : `default ${DEFAULT_REVIEW_DAYS} days per application (too few decisions to measure)`,
  };
}

import type { DetailRow } from '../db/hot-reads';

const DAY_MS = 86_400_000;
/** Used until enough decisions exist to measure (an assumption, shown as such in `basis`). */
const DEFAULT_REVIEW_DAYS = 14;

/**
 * Where a waiting application stands: its place among Ready for Review applications (oldest
 * submission first) and an estimated decision date = now + position x the median submit-to-decision
 * time of the last 50 decided applications (or 14 days while fewer than 5 exist). The detail query
 * counts `ahead` and reads `recentReviewMs` (ascending) for Ready for Review applications only.
 */
export function queueEstimate(app: Pick<DetailRow, 'ahead' | 'recentReviewMs'>, now = new Date()) {
  if (app.ahead === null || app.recentReviewMs === null) return null;
  const { ahead, recentReviewMs: durations } = app;
  const measured = durations.length >= 5;
  const medianMs = measured ? durations[Math.floor(durations.length / 2)]! : DEFAULT_REVIEW_DAYS * DAY_MS;
  const position = ahead + 1;
  return {
    position,
    estimatedDecisionDate: new Date(now.getTime() + position * medianMs).toISOString().slice(0, 10),
    basis: measured ? `median of the last ${durations.length} decisions` : `default ${DEFAULT_REVIEW_DAYS} days per application (too few decisions to measure)`,
  };
}

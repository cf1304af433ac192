import type { Principal } from '@elar/http';
import type { Db } from '../db/client';

type TimelineEntry = { at: string; actor: string; type: string; detail?: unknown };

/** The timeline as the caller may see it: evaluators (and staff) also get internal notes; educators never. */
export async function timelineFor(db: Db, principal: Principal, applicationId: string, timeline: TimelineEntry[]): Promise<TimelineEntry[]> {
  if (principal.role === 'educator') return timeline;
  const notes = await db.internalNote.findMany({ where: { applicationId }, orderBy: { createdAt: 'asc' } });
  const entries = notes.map((n) => ({ at: n.createdAt.toISOString(), actor: `evaluator:${n.evaluatorId}`, type: 'internal-note', detail: { note: n.text } }));
  return [...timeline, ...entries].sort((a, b) => a.at.localeCompare(b.at));
}

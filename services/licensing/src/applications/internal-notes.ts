import type { DetailRow } from '../db/hot-reads';

type TimelineEntry = { at: string; actor: string; type: string; detail?: unknown };

/** The timeline as the caller may see it: evaluators (and staff) also get internal notes (the query returns none to educators). */
export function withInternalNotes(timeline: TimelineEntry[], notes: DetailRow['notes']): TimelineEntry[] {
  if (notes.length === 0) return timeline;
  const entries = notes.map((n) => ({ at: n.at, actor: `evaluator:${n.evaluatorId}`, type: 'internal-note', detail: { note: n.text } }));
  return [...timeline, ...entries].sort((a, b) => a.at.localeCompare(b.at));
}

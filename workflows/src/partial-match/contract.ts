import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PartialMatchStatus } from '@elar/vocabulary';

/** Ids only: the conflicting submission stays in identity's database. */
export interface PartialMatchInput {
  caseNumber: string;
  recordMepid: string;
  organizationId?: string;
  /** Business days without a decision before DESE customer service takes over (default 5). */
  escalateAfterBusinessDays?: number;
  /** Days between reminders to the directory administrators (default 2). */
  reminderEveryDays?: number;
  /** Overrides the business-day deadline with an exact delay in ms (operators' drills and tests). */
  escalateAfterMs?: number;
  /** Business days customer service has to decide an escalated case before it is closed as rejected (default 10). */
  customerServiceBusinessDays?: number;
  /** Overrides that deadline with an exact delay in ms (drills and tests). */
  customerServiceDeadlineMs?: number;
}

export const resolutionActions = ['correct-record', 'different-people', 'reject'] as const;
export type ResolutionAction = (typeof resolutionActions)[number];
/** The status each decision leads to. */
export const resolutionStatus = {
  'correct-record': 'resolved-corrected', 'different-people': 'resolved-different-people', reject: 'rejected',
} as const satisfies Record<ResolutionAction, PartialMatchStatus>;

export interface Resolution {
  action: ResolutionAction;
  actorId: string;
  actorRole: 'directory-admin' | 'customer-service';
  note?: string;
}

export type { PartialMatchStatus };

export interface PartialMatchState {
  status: PartialMatchStatus;
  remindersSent: number;
  escalated: boolean;
  resolution?: ResolutionAction;
}

export const partialMatchWorkflowId = (caseNumber: string) => `partial-match:${caseNumber}`;
export const resolvePartialMatchUpdate = defineUpdate<PartialMatchState, [Resolution]>('resolvePartialMatch');
export const partialMatchStateQuery = defineQuery<PartialMatchState>('partialMatchState');

/** Adds business days (Monday to Friday) to a time, keeping the time of day. Pure, so workflow-safe. */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

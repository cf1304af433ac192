import { defineQuery, defineSignal } from '@temporalio/workflow';

/** One deficiency letter: emailed, reminded before its due date, answered or expired. */
export interface CorrespondenceInput {
  applicationNumber: string;
  profileId: string;
  mepid: string;
  licenseType: string;
  sequence: number;
  missingRequirements: string[];
  /** ISO timestamp; the letter expires when it passes without a reply. */
  dueDate: string;
  reminderBeforeMs?: number;
}

export type CorrespondenceOutcome = 'answered' | 'expired';
export type CorrespondenceState = 'awaiting-reply' | CorrespondenceOutcome;

export const correspondenceWorkflowId = (applicationNumber: string, sequence: number) =>
  `correspondence:${applicationNumber}:${sequence}`;

/** The educator replied (text and/or documents); the service has already recorded the reply. */
export const replySignal = defineSignal<[{ repliedAt: string }]>('reply');
export const correspondenceStateQuery = defineQuery<CorrespondenceState>('correspondenceState');

export const DEFAULT_REMINDER_BEFORE_MS = 3 * 24 * 60 * 60 * 1000;

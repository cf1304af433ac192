import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicationStatus, ReviewStatus } from '@elar/vocabulary';

export type { ApplicationStatus, ReviewStatus };

/** Input carries numbers and ids only: no names, dates of birth or SSN digits. */
export interface ApplicationReviewInput {
  applicationNumber: string;
  profileId: string;
  mepid: string;
  /** Catalog license type of the first item (search attribute). */
  licenseType: string;
  /** How long before a deficiency letter's due date the educator is reminded (ms). Default 3 days. */
  reminderBeforeMs?: number;
}

export interface ClaimInput {
  evaluatorId: string;
}

export type DecisionInput =
  | { action: 'approve'; evaluatorId: string }
  | { action: 'deny'; evaluatorId: string; reason: string }
  | { action: 'request-information'; evaluatorId: string; missingRequirements: string[]; dueDate: string; letter?: string };

export interface ReviewState {
  status: ReviewStatus;
  evaluatorId?: string;
  letters: number;
}

export const applicationReviewWorkflowId = (applicationNumber: string) => `application-review:${applicationNumber}`;

/** An evaluator takes a Ready for Review application; refused when someone else holds it. */
export const claimUpdate = defineUpdate<ReviewState, [ClaimInput]>('claim');
/** Approve, deny or request information; refused when it does not fit the state or the evaluator. */
export const decisionUpdate = defineUpdate<ReviewState, [DecisionInput]>('decision');
export const reviewStateQuery = defineQuery<ReviewState>('reviewState');


import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Application statuses in the portal's words. */
export const APPLICATION_STATUSES = [
  'Not Ready', 'Pending', 'Ready for Review', 'Under Review', 'Awaiting Applicant',
  'Issued', 'Denied', 'Withdrawn', 'Closed Incomplete',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

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
  status: ApplicationStatus;
  evaluatorId?: string;
  letters: number;
}

export const applicationReviewWorkflowId = (applicationNumber: string) => `application-review:${applicationNumber}`;

/** An evaluator takes a Ready for Review application; refused when someone else holds it. */
export const claimUpdate = defineUpdate<ReviewState, [ClaimInput]>('claim');
/** Approve, deny or request information; refused when it does not fit the state or the evaluator. */
export const decisionUpdate = defineUpdate<ReviewState, [DecisionInput]>('decision');
export const reviewStateQuery = defineQuery<ReviewState>('reviewState');

/** Error types a validator refuses with (the service maps them to 409 with the same code). */
export const REVIEW_REFUSALS = {
  wrongState: 'action-not-allowed-in-state',
  notAssigned: 'not-assigned-evaluator',
  invalid: 'invalid-decision',
} as const;

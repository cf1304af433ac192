/**
 * Why a workflow refuses an Update or a step: the `type` of the non-retryable ApplicationFailure it
 * throws, which services map, by type and never by message text, to a 409 with the same code.
 */
export const REFUSALS = {
  /** The action does not fit the current state (decided, busy, already held...). */
  wrongState: 'action-not-allowed-in-state',
  /** Someone other than the evaluator who holds it (or the applicant) asked. */
  notAssigned: 'not-assigned-evaluator',
  /** The request itself is incomplete or contradictory. */
  invalid: 'invalid-decision',
  /** A missing requirement the catalog does not know. */
  unknownRequirement: 'unknown-requirement',
  /** The named assignee is not an evaluator. */
  notAnEvaluator: 'assignee-not-evaluator',
  tooLateToCancel: 'too-late-to-cancel',
  notReturned: 'order-not-returned',
  caseAlreadyResolved: 'case-already-resolved',
  caseEscalated: 'case-escalated',
  invalidAction: 'invalid-action',
  /** A service the step needs did not answer in time; nothing changed, try again. */
  serviceUnavailable: 'service-unavailable',
} as const;
export type RefusalType = (typeof REFUSALS)[keyof typeof REFUSALS];

/** What a service answers when the process a request needs has ended or never started. */
export const PROCESS_NOT_RUNNING = {
  review: { code: 'review-not-running', message: 'This application is not under review.' },
  renewal: { code: 'renewal-not-running', message: 'This renewal is not waiting for a decision.' },
  order: { code: 'order-not-active', message: 'This order is no longer being fulfilled.' },
  case: { code: 'case-already-resolved', message: 'This case has already been decided.' },
} as const;

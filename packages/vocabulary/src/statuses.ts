/** Application statuses in the portal's words, in the order an application moves through them. */
export const APPLICATION_STATUSES = [
  'Not Ready', 'Pending', 'Ready for Review', 'Under Review', 'Awaiting Applicant',
  'Issued', 'Denied', 'Withdrawn', 'Closed Incomplete',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Before submission: the educator is still filling the application in. */
export const APPLICATION_DRAFT_STATUSES: readonly ApplicationStatus[] = ['Not Ready', 'Pending'];
/** Submitted and waiting on DESE or the educator: the review workflow is running. */
export const APPLICATION_REVIEW_STATUSES = ['Ready for Review', 'Under Review', 'Awaiting Applicant'] as const satisfies readonly ApplicationStatus[];
/** What the review workflow reports (every status after submission). */
export const APPLICATION_REPORTED_STATUSES = [
  'Ready for Review', 'Under Review', 'Awaiting Applicant', 'Issued', 'Denied', 'Withdrawn', 'Closed Incomplete',
] as const satisfies readonly ApplicationStatus[];
export type ReviewStatus = (typeof APPLICATION_REPORTED_STATUSES)[number];
/** Nothing more happens to an application in one of these. */
export const APPLICATION_FINAL_STATUSES: readonly ApplicationStatus[] = ['Issued', 'Denied', 'Withdrawn', 'Closed Incomplete'];
export const isFinalApplicationStatus = (status: string): boolean => (APPLICATION_FINAL_STATUSES as readonly string[]).includes(status);

/** A Professional license renewal. `Escalated`: an audit no evaluator decided in time, now with customer service. */
export const RENEWAL_STATUSES = ['Processing', 'Under Review', 'Escalated', 'Renewed', 'Denied'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];
export const RENEWAL_FINAL_STATUSES: readonly RenewalStatus[] = ['Renewed', 'Denied'];

/** Hard-copy orders. `Returned`: mail came back and no new address was confirmed in time (refunded). */
export const HARD_COPY_STATUSES = [
  'Paid', 'Certificate Rendered', 'Sent to Printer', 'Printed', 'Mailed', 'Delivered',
  'Returned to Sender', 'Cancelled', 'Print Failed', 'Refunded',
] as const;
export type HardCopyStatus = (typeof HARD_COPY_STATUSES)[number];
export const HARD_COPY_FINAL_STATUSES: readonly HardCopyStatus[] = ['Delivered', 'Refunded'];
/** Before the vendor prints, an order can still be cancelled. */
export const HARD_COPY_CANCELLABLE_STATUSES: readonly HardCopyStatus[] = ['Paid', 'Certificate Rendered', 'Sent to Printer'];

/** Partial-match cases, as the API shows them. */
export const PARTIAL_MATCH_STATUSES = ['open', 'escalated', 'resolved-corrected', 'resolved-different-people', 'rejected'] as const;
export type PartialMatchStatus = (typeof PARTIAL_MATCH_STATUSES)[number];

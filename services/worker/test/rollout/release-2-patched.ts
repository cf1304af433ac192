import { decisionReviewOf } from './decision-review';

/** The decision review as built into the worker image of release-2-patched (workflowsPath of that worker). */
export const decisionReview = decisionReviewOf('release-2-patched');

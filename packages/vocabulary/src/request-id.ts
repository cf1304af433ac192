/**
 * The Temporal header that carries the HTTP request id (`x-request-id`) from the service that started
 * or messaged a workflow, through the workflow, onto its activities and child workflows. Only the id
 * travels: never a principal or personal data.
 */
export const REQUEST_ID_TEMPORAL_HEADER = 'x-request-id';

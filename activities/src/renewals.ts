import type { ServiceClient } from '@elar/http';

export interface RecordRenewalStatusInput {
  /** Workflow id + status: the service applies each key once (an extension never happens twice). */
  idempotencyKey: string;
  renewalNumber: string;
  status: 'Processing' | 'Under Review' | 'Renewed' | 'Denied';
  evaluatorId?: string;
  reason?: string;
}

/** Licensing's internal renewal API; `Renewed` moves the licenses' expiry, once. */
export function createRenewalActivities(deps: { licensing: ServiceClient }) {
  return {
    async recordRenewalStatus(input: RecordRenewalStatusInput): Promise<void> {
      await deps.licensing.post(`/internal/renewals/${encodeURIComponent(input.renewalNumber)}/status`, input);
    },
  };
}

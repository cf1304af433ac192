import { licensingInternal } from '@elar/internal-api';
import type { InternalClient, StepInput } from './internal-client';

/** Workflow id + status: the service applies each key once (an extension never happens twice). */
export type RecordRenewalStatusInput = StepInput<typeof licensingInternal.recordRenewalStatus>;

/** Licensing's internal renewal API; `Renewed` moves the licenses' expiry, once. */
export function createRenewalActivities(deps: { licensing: InternalClient }) {
  return {
    recordRenewalStatus: deps.licensing.step(licensingInternal.recordRenewalStatus),
  };
}

import { identityInternal, licensingInternal } from '@elar/internal-api';
import type { InternalClient } from './internal-client';

/** The reconciler Schedules' steps: each asks the owning service to reconcile its own data. */
export function createReconcilerActivities(deps: { identity: InternalClient; licensing: InternalClient }) {
  return {
    reconcileIdentity: deps.identity.step(identityInternal.reconcile),
    reconcilePayments: deps.licensing.step(licensingInternal.reconcilePayments),
  };
}

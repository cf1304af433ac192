/**
 * Reconcilers: housekeeping that must run once per cluster, not once per service replica. Each is
 * a Temporal Schedule (visible under Schedules in the Temporal UI) that starts a short workflow
 * calling one service route; the owning service creates its schedule at start, idempotently.
 */
export const IDENTITY_RECONCILER_SCHEDULE_ID = 'identity-reconciler';
export const PAYMENTS_RECONCILER_SCHEDULE_ID = 'payments-reconciler';
export const RECONCILE_EVERY = '1 minute';

export interface IdentityReconcilerResult {
  onboardingStarted: number;
  caseWorkflowsStarted: number;
}

export interface PaymentsReconcilerResult {
  settled: number;
}

/**
 * Reconcilers: housekeeping that must run once per cluster, not once per service replica. Each is
 * a Temporal Schedule (visible under Schedules in the Temporal UI) that starts a short workflow
 * calling one service route; the schedule is created at the owning service's start, idempotently.
 */
export const IDENTITY_RECONCILER_SCHEDULE_ID = 'identity-reconciler';
export const RECONCILE_EVERY = '1 minute';

export interface IdentityReconcilerResult {
  onboardingStarted: number;
  caseWorkflowsStarted: number;
}

import { log, proxyActivities } from '@temporalio/workflow';
import type { createReconcilerActivities } from '@elar/activities';
import { SERVICE_CALLS } from '../shared/workflow-helpers';
import type { IdentityReconcilerResult, PaymentsReconcilerResult } from './contract';

// Bounded: a run that cannot reach its service gives up before the next run is due (the schedule skips overlaps).
const acts = proxyActivities<ReturnType<typeof createReconcilerActivities>>({ ...SERVICE_CALLS, scheduleToCloseTimeout: '50 seconds' });

/** One run of the identity-reconciler Schedule: onboarding and partial-match workflows whose start failed. */
export async function identityReconciler(): Promise<IdentityReconcilerResult> {
  const result = await acts.reconcileIdentity({});
  if (result.onboardingStarted || result.caseWorkflowsStarted) log.info('identity reconciled', { ...result });
  return result;
}

/** One run of the payments-reconciler Schedule: charges left pending by a crash, settled as the processor answered. */
export async function paymentsReconciler(): Promise<PaymentsReconcilerResult> {
  const result = await acts.reconcilePayments({});
  if (result.settled) log.info('pending payments settled', { ...result });
  return result;
}

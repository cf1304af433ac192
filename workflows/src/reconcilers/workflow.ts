import { log, proxyActivities } from '@temporalio/workflow';
import type { createReconcilerActivities } from '@elar/activities';
import { SERVICE_CALLS } from '../shared/workflow-helpers';
import type { IdentityReconcilerResult } from './contract';

// Bounded: a run that cannot reach identity gives up before the next run is due (the schedule skips overlaps).
const { reconcileIdentity } = proxyActivities<ReturnType<typeof createReconcilerActivities>>({ ...SERVICE_CALLS, scheduleToCloseTimeout: '50 seconds' });

/** One run of the identity-reconciler Schedule: onboarding and partial-match workflows whose start failed. */
export async function identityReconciler(): Promise<IdentityReconcilerResult> {
  const result = await reconcileIdentity({});
  if (result.onboardingStarted || result.caseWorkflowsStarted) log.info('identity reconciled', { ...result });
  return result;
}

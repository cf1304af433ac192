import { reconcileCaseWorkflows } from './partial-match/open-case';
import type { IdentityDeps } from './deps';

/**
 * What the identity-reconciler Schedule runs (once per cluster, every minute, visible in the
 * Temporal UI): starts the onboarding of profiles and the escalation workflow of cases whose start
 * failed after they were committed. Both starts are idempotent (business ids), so running it twice does nothing twice.
 */
export async function reconcile(deps: Pick<IdentityDeps, 'db' | 'temporal' | 'onboarding' | 'config'>) {
  const onboardingStarted = await deps.onboarding.reconcile();
  const caseWorkflowsStarted = await reconcileCaseWorkflows(deps.db, deps.temporal.client, deps.config.PARTIAL_MATCH_ESCALATION_BUSINESS_DAYS);
  return { onboardingStarted, caseWorkflowsStarted };
}

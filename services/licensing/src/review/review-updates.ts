import type { z } from 'zod';
import type { decisionRequest } from '@elar/api';
import { conflict, unprocessable } from '@elar/errors';
import { domainCounters, type Principal } from '@elar/http';
import { runUpdate } from '@elar/temporal';
import { PROCESS_NOT_RUNNING, REFUSALS } from '@elar/vocabulary';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, type DecisionInput, type ReviewState } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { checklist } from '../applications/checklist';

async function reviewOf(deps: LicensingDeps, principal: Principal, applicationNumber: string) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (!app.submittedAt) throw conflict('review-not-running', 'This application has not been submitted.');
  return { app, handle: deps.temporal.client.workflow.getHandle(applicationReviewWorkflowId(app.applicationNumber)) };
}

export async function claimApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string): Promise<ReviewState> {
  const { handle } = await reviewOf(deps, principal, applicationNumber);
  return runUpdate(() => handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: principal.userId }] }), PROCESS_NOT_RUNNING.review);
}

export async function decide(deps: LicensingDeps, principal: Principal, applicationNumber: string, body: z.infer<typeof decisionRequest>): Promise<ReviewState> {
  const { app, handle } = await reviewOf(deps, principal, applicationNumber);
  if (body.action === 'request-information') {
    // The educator can only upload documents for the application's own requirements: ask for nothing else.
    const known = new Set(checklist(deps.catalog, app.items, app.documents).map((r) => r.id));
    const unknown = body.missingRequirements.filter((id) => !known.has(id));
    if (unknown.length) throw unprocessable(REFUSALS.unknownRequirement, 'This application has no such requirement.', unknown);
  }
  const decision: DecisionInput = { ...body, evaluatorId: principal.userId };
  const state = await runUpdate(() => handle.executeUpdate(decisionUpdate, { args: [decision] }), PROCESS_NOT_RUNNING.review);
  // Counted once the review accepted it (a refused decision throws above).
  domainCounters().decisions.inc({ decision: decision.action });
  return state;
}

import type { z } from 'zod';
import type { decisionRequest } from '@elar/api';
import { AppError, conflict } from '@elar/errors';
import { domainCounters, type Principal } from '@elar/http';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@elar/temporal';
import { applicationReviewWorkflowId, claimUpdate, decisionUpdate, type DecisionInput, type ReviewState } from '@elar/workflows';
import type { LicensingDeps } from '../app';
import { applicationFor } from '../applications/access';

/** A refused Update becomes 409 with the validator's code; a missing or ended workflow is 409 too. */
export async function asConflict<T>(fn: () => Promise<T>, ended = { code: 'review-not-running', message: 'This application is not under review.' }): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message?: string } | undefined;
      throw conflict(cause?.type ?? 'decision-refused', cause?.message ?? 'The review refused this action.');
    }
    if (err instanceof WorkflowNotFoundError) throw conflict(ended.code, ended.message);
    if (err instanceof AppError) throw err;
    const message = (err as Error)?.message ?? '';
    if (/completed|already finished|not found/i.test(message)) throw conflict(ended.code, ended.message);
    throw err;
  }
}

async function reviewHandle(deps: LicensingDeps, principal: Principal, applicationNumber: string) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (!app.submittedAt) throw conflict('review-not-running', 'This application has not been submitted.');
  return deps.temporal.client.workflow.getHandle(applicationReviewWorkflowId(app.applicationNumber));
}

export async function claimApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string): Promise<ReviewState> {
  const handle = await reviewHandle(deps, principal, applicationNumber);
  return asConflict(() => handle.executeUpdate(claimUpdate, { args: [{ evaluatorId: principal.userId }] }));
}

export async function decide(deps: LicensingDeps, principal: Principal, applicationNumber: string, body: z.infer<typeof decisionRequest>): Promise<ReviewState> {
  const handle = await reviewHandle(deps, principal, applicationNumber);
  const decision: DecisionInput = { ...body, evaluatorId: principal.userId };
  const state = await asConflict(() => handle.executeUpdate(decisionUpdate, { args: [decision] }));
  // Counted once the review accepted it (a refused decision throws above).
  domainCounters().decisions.inc({ decision: decision.action });
  return state;
}

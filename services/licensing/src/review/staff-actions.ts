import { conflict, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import { applicationReviewWorkflowId, assignUpdate, noteUpdate, withdrawUpdate, type ReviewState } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { recordEvent } from '../applications/timeline';
import { requireEvaluator } from './assignee';
import { runUpdate } from '@elar/temporal';
import { PROCESS_NOT_RUNNING, isFinalApplicationStatus } from '@elar/vocabulary';

const review = (deps: LicensingDeps, applicationNumber: string) => deps.temporal.client.workflow.getHandle(applicationReviewWorkflowId(applicationNumber));

/**
 * An internal note: the text is stored here and only its id goes to the review's `note` Update
 * (free text may hold personal data: it stays out of workflow history). A refused note is removed.
 */
export async function addInternalNote(deps: LicensingDeps, principal: Principal, applicationNumber: string, text: string): Promise<ReviewState> {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (!app.submittedAt) throw conflict('review-not-running', 'This application has not been submitted.');
  const note = await deps.db.internalNote.create({ data: { applicationId: app.id, evaluatorId: principal.userId, text } });
  try {
    return await runUpdate(() => review(deps, applicationNumber).executeUpdate(noteUpdate, { args: [{ evaluatorId: principal.userId, noteId: note.id }] }), PROCESS_NOT_RUNNING.review);
  } catch (err) {
    await deps.db.internalNote.delete({ where: { id: note.id } });
    throw err;
  }
}

/** Customer service may assign any submitted application; an evaluator only one they hold (the workflow checks). */
export async function assignApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string, evaluatorId: string): Promise<ReviewState> {
  const app = await deps.db.application.findUnique({ where: { applicationNumber } });
  if (!app) throw notFound('application-not-found', 'No such application.');
  if (!app.submittedAt) throw conflict('review-not-running', 'This application has not been submitted.');
  await requireEvaluator(deps, evaluatorId);
  const byRole = principal.role === 'customer-service' ? 'customer-service' : 'evaluator';
  return runUpdate(() => review(deps, applicationNumber).executeUpdate(assignUpdate, { args: [{ byId: principal.userId, byRole, evaluatorId }] }), PROCESS_NOT_RUNNING.review);
}

/**
 * The educator withdraws before a decision. A draft is withdrawn here; a submitted application
 * through the review's `withdraw` Update (which also ends an open letter). Policy: a paid fee is
 * kept, not refunded, as DESE does not refund application fees; the payment stays on the record.
 */
export async function withdrawApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  if (isFinalApplicationStatus(app.status)) throw conflict('application-not-withdrawable', `An application that is ${app.status} cannot be withdrawn.`);
  if (app.submittedAt) {
    await runUpdate(() => review(deps, applicationNumber).executeUpdate(withdrawUpdate, { args: [{ profileId: principal.userId }] }), PROCESS_NOT_RUNNING.review);
  } else {
    await recordEvent(deps, app, { actor: 'educator', type: 'withdrawn', status: 'Withdrawn' });
  }
  return { applicationNumber, status: 'Withdrawn' as const };
}

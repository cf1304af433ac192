import { conflict, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import { correspondenceWorkflowId, replySignal } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { recordEvent } from '../applications/timeline';

/** Records the educator's reply to a letter and tells its correspondence workflow (which returns the review to the evaluator). */
export async function replyToLetter(deps: LicensingDeps, principal: Principal, applicationNumber: string, sequence: number, message: string) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  const letter = app.correspondence.find((c) => c.sequence === sequence);
  if (!letter) throw notFound('letter-not-found', 'No such letter.');
  if (letter.status !== 'open') throw conflict('letter-closed', `This letter is ${letter.status}.`);
  const repliedAt = new Date();
  const claimed = await deps.db.correspondence.updateMany({ where: { id: letter.id, status: 'open' }, data: { status: 'answered', replyText: message, repliedAt } });
  if (!claimed.count) throw conflict('letter-closed', 'This letter was already answered.');
  await recordEvent(deps, app, { actor: 'educator', type: 'letter-answered', detail: { sequence } });
  try {
    await deps.temporal.client.workflow.getHandle(correspondenceWorkflowId(applicationNumber, sequence)).signal(replySignal, { repliedAt: repliedAt.toISOString() });
  } catch {
    await deps.db.correspondence.update({ where: { id: letter.id }, data: { status: 'open', replyText: null, repliedAt: null } });
    throw conflict('letter-closed', 'The letter can no longer be answered (its due date may have passed).');
  }
  return { sequence, status: 'answered', repliedAt: repliedAt.toISOString() };
}

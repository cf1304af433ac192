import { conflict } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationPrefix } from '../documents/storage/document-store';
import { applicationFor } from './access';
import { DRAFT_STATUSES } from './checklist';

/**
 * Discards a draft the educator no longer wants: the application, its timeline and its documents'
 * rows go, then every stored object under the application's prefix. A draft with a payment, or one
 * already submitted, is refused (withdraw it instead). The row goes first: if the store then fails,
 * what is left are unreachable objects under one prefix (logged for cleanup), never a document whose
 * file is missing.
 */
export async function discardDraft(deps: LicensingDeps, principal: Principal, applicationNumber: string): Promise<void> {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  const refuse = (status: string) => conflict('application-not-discardable', `Only an unpaid draft can be discarded; this application is ${status}. Withdraw it instead.`);
  if (!DRAFT_STATUSES.includes(app.status) || app.submittedAt) throw refuse(app.status);
  await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
    const paid = await tx.payment.count({ where: { applicationId: app.id, status: { in: ['pending', 'succeeded'] } } });
    if (!locked || !DRAFT_STATUSES.includes(locked.status) || paid > 0) throw refuse(paid > 0 ? 'paid' : (locked?.status ?? 'gone'));
    await tx.application.delete({ where: { id: app.id } });
  });
  const prefix = applicationPrefix(app.id);
  try {
    await deps.documents.deletePrefix(prefix);
  } catch (err) {
    deps.logger.error({ errName: (err as Error).name, store: deps.documents.kind, prefix }, 'discarded draft: its stored documents could not be deleted; remove the prefix by hand');
  }
}

import { AppError, conflict } from '@elar/errors';
import { domainCounters, type Principal } from '@elar/http';
import { startApplicationReview } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { applicationFor } from '../applications/access';
import { checklist, DRAFT_STATUSES } from '../applications/checklist';
import { recordEvent } from '../applications/timeline';
import { itemDescriptor, notifyEducator } from '../notifications/notify-educator';

/** Paid + requirements met -> starts the review workflow (its id rejects a second start: one review per application). */
export async function submitApplication(deps: LicensingDeps, principal: Principal, applicationNumber: string) {
  const app = await applicationFor(deps.db, principal, applicationNumber);
  const confirm = () =>
    notifyEducator(deps, {
      idempotencyKey: `application-submitted:${app.applicationNumber}`, profileId: app.profileId, template: 'application-submitted',
      data: { applicationNumber: app.applicationNumber, items: app.items.map(itemDescriptor).join(', ') },
    });
  if (app.submittedAt) {
    await confirm(); // a double submit: same answer, still one workflow, still one email
    return app;
  }
  if (!DRAFT_STATUSES.includes(app.status)) throw conflict('application-not-submittable', `An application that is ${app.status} cannot be submitted.`);
  const missing = checklist(deps.catalog, app.items, app.documents).filter((r) => !r.met);
  if (missing.length) throw conflict('requirements-not-met', 'Some requirements have no document yet.', missing.map((r) => r.id));
  if (!app.payments.some((p) => p.status === 'succeeded')) throw new AppError(402, 'payment-required', 'Pay the application fee before submitting.');
  const licenseType = app.items.find((i) => i.kind === 'license')?.licenseType ?? 'endorsement';
  await startApplicationReview(deps.temporal.client, { applicationNumber: app.applicationNumber, profileId: app.profileId, mepid: app.mepid, licenseType });
  const updated = await deps.db.application.updateMany({ where: { id: app.id, submittedAt: null }, data: { submittedAt: new Date() } });
  if (updated.count) {
    domainCounters().applicationsSubmitted.inc({ license_type: licenseType });
    await recordEvent(deps, app, { actor: 'educator', type: 'submitted', status: app.status === 'Pending' ? 'Ready for Review' : app.status });
  }
  await confirm();
  return applicationFor(deps.db, principal, applicationNumber);
}

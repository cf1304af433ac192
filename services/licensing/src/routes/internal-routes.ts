import type { Express } from 'express';
import { notFound } from '@elar/errors';
import { licensingInternal, mountInternalRoute } from '@elar/internal-api';
import { reconcilePendingPayments } from '../payments/reconcile-pending';
import type { LicensingDeps } from '../deps';
import { recordEvent } from '../applications/timeline';
import { isUniqueViolation } from '../db/client';
import { issueLicenses } from '../licenses/issue-licenses';
import { recordRenewalStatus } from '../renewals/record-renewal-status';

/** What workers report from the review and renewal workflows (@elar/internal-api); every report is deduplicated. */
export function mountInternalRoutes(app: Express, deps: LicensingDeps): void {
  mountInternalRoute(app, licensingInternal.reconcilePayments, () => reconcilePendingPayments(deps));
  /** The expiry-reminder workflow asks this before each email: a renewed license has moved on. */
  mountInternalRoute(app, licensingInternal.licenseExpiry, async ({ params }) => {
    const license = await deps.db.license.findUnique({ where: { licenseNumber: params.licenseNumber }, select: { expiresAt: true, status: true } });
    if (!license) throw notFound('license-not-found', 'No such license.');
    return { expiresOn: license.expiresAt ? license.expiresAt.toISOString().slice(0, 10) : null, status: license.status };
  });

  const load = async (applicationNumber: string) => {
    const a = await deps.db.application.findUnique({ where: { applicationNumber } });
    if (!a) throw notFound('application-not-found', 'No such application.');
    return a;
  };

  mountInternalRoute(app, licensingInternal.recordApplicationStatus, async ({ params, body }) => {
    if (await deps.db.applicationEvent.findUnique({ where: { idempotencyKey: body.idempotencyKey } })) return { recorded: false };
    const a = await load(params.applicationNumber);
    try {
      await recordEvent(deps, a, {
        actor: body.actor, type: 'status-changed', status: body.status, evaluatorId: body.evaluatorId,
        idempotencyKey: body.idempotencyKey, detail: { status: body.status, ...body.detail },
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return { recorded: false };
    }
    if (body.status === 'Closed Incomplete' || body.status === 'Withdrawn') {
      const status = body.status === 'Withdrawn' ? 'withdrawn' : 'expired';
      await deps.db.correspondence.updateMany({ where: { applicationId: a.id, status: 'open' }, data: { status } });
    }
    return { recorded: true };
  });

  mountInternalRoute(app, licensingInternal.openCorrespondence, async ({ params, body }) => {
    const a = await load(params.applicationNumber);
    const names = body.missingRequirements.map((id) => deps.catalog.requirements.find((r) => r.id === id)?.name ?? id);
    const letter = body.letter ?? `Your application ${params.applicationNumber} needs: ${names.join('; ')}. Please upload them and reply by ${body.dueDate.slice(0, 10)}.`;
    // Letter `sequence` of the application is written once: a retry (same key, same sequence) gets the same letter.
    const row = await deps.db.correspondence.upsert({
      where: { applicationId_sequence: { applicationId: a.id, sequence: body.sequence } },
      update: {},
      create: {
        applicationId: a.id, sequence: body.sequence, evaluatorId: body.evaluatorId, letter,
        missingRequirements: body.missingRequirements, dueDate: new Date(body.dueDate), status: 'open',
      },
    });
    return { correspondenceId: row.id };
  });

  mountInternalRoute(app, licensingInternal.issueLicense, async ({ params, body }) =>
    issueLicenses(deps, params.applicationNumber, body.evaluatorId, body.idempotencyKey));

  mountInternalRoute(app, licensingInternal.recordRenewalStatus, async ({ params, body }) =>
    recordRenewalStatus(deps, { ...body, renewalNumber: params.renewalNumber }));
}

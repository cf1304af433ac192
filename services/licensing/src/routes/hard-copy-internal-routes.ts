import type { Express } from 'express';
import { hardCopyInternal, mountInternalRoute } from '@elar/internal-api';
import { domainCounters, type Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { cancelPrintJob, capturePayment, refundOrder, renderOrderCertificate, submitPrintJob } from '../hard-copy/fulfillment-steps';
import { orderFor } from '../hard-copy/order-view';
import { recordOrderEvent } from '../hard-copy/order-timeline';

/** What the hard-copy workflow asks of licensing (@elar/internal-api); every step is deduplicated (see fulfillment-steps). */
export function mountHardCopyInternalRoutes(app: Express, deps: LicensingDeps): void {
  const order = (principal: Principal, params: { orderNumber: string }) => orderFor(deps.db, principal, params.orderNumber);

  mountInternalRoute(app, hardCopyInternal.capturePayment, async ({ principal, params }) => capturePayment(deps, await order(principal, params)));
  mountInternalRoute(app, hardCopyInternal.renderCertificate, async ({ principal, params }) => renderOrderCertificate(deps, await order(principal, params)));
  mountInternalRoute(app, hardCopyInternal.submitPrintJob, async ({ principal, params, body }) =>
    submitPrintJob(deps, await order(principal, params), body.idempotencyKey, body.shipment));
  mountInternalRoute(app, hardCopyInternal.cancelPrintJob, async ({ principal, params, body }) => {
    await order(principal, params);
    return cancelPrintJob(deps, body.jobId);
  });
  mountInternalRoute(app, hardCopyInternal.refundPayment, async ({ principal, params, body }) => refundOrder(deps, await order(principal, params), body.idempotencyKey));
  mountInternalRoute(app, hardCopyInternal.recordStatus, async ({ principal, params, body }) => {
    const trackingNumber = typeof body.detail?.trackingNumber === 'string' ? body.detail.trackingNumber : undefined;
    const shipment = typeof body.detail?.shipment === 'number' ? body.detail.shipment : undefined;
    const recorded = await recordOrderEvent(deps, await order(principal, params), {
      actor: 'system', type: body.type, status: body.status, trackingNumber, shipment, detail: body.detail, idempotencyKey: body.idempotencyKey,
    });
    // Shipped = handed to the mail carrier, once per shipment (a retried report is not recorded again).
    if (recorded && body.status === 'Mailed') domainCounters().hardCopiesShipped.inc();
    return { recorded };
  });
}

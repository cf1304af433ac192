import type { Express, Request } from 'express';
import { z } from 'zod';
import { hardCopyOrderParams } from '@elar/api';
import { parse, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../app';
import { cancelPrintJob, capturePayment, refundOrder, renderOrderCertificate, submitPrintJob } from '../hard-copy/fulfillment-steps';
import { orderFor } from '../hard-copy/order-view';
import { recordOrderEvent } from '../hard-copy/order-timeline';

const step = z.object({ idempotencyKey: z.string().min(8).max(200) });
const printStep = step.extend({ shipment: z.number().int().min(1).max(20) });
const cancelStep = step.extend({ jobId: z.string().min(4) });
const statusReport = step.extend({
  status: z.string().min(1).max(40),
  type: z.string().min(1).max(60),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** What the hard-copy workflow asks of licensing; every step is deduplicated (see fulfillment-steps). */
export function mountHardCopyInternalRoutes(app: Express, deps: LicensingDeps): void {
  const load = async <S extends z.ZodType>(req: Request, schema: S) => {
    const principal = readPrincipal(req, ['system']);
    const order = await orderFor(deps.db, principal, parse(hardCopyOrderParams, req.params).orderNumber);
    return { order, body: parse(schema, req.body) as z.infer<S> };
  };
  const base = '/internal/hard-copy-orders/:orderNumber';

  app.post(`${base}/capture`, async (req, res) => {
    const { order } = await load(req, step);
    res.json(await capturePayment(deps, order));
  });
  app.post(`${base}/certificate`, async (req, res) => {
    const { order } = await load(req, step);
    res.json(await renderOrderCertificate(deps, order));
  });
  app.post(`${base}/print-jobs`, async (req, res) => {
    const { order, body } = await load(req, printStep);
    res.json(await submitPrintJob(deps, order, body.idempotencyKey, body.shipment));
  });
  app.post(`${base}/print-jobs/cancel`, async (req, res) => {
    const { body } = await load(req, cancelStep);
    res.json(await cancelPrintJob(deps, body.jobId));
  });
  app.post(`${base}/refund`, async (req, res) => {
    const { order, body } = await load(req, step);
    res.json(await refundOrder(deps, order, body.idempotencyKey));
  });
  app.post(`${base}/status`, async (req, res) => {
    const { order, body } = await load(req, statusReport);
    const trackingNumber = typeof body.detail?.trackingNumber === 'string' ? body.detail.trackingNumber : undefined;
    const shipment = typeof body.detail?.shipment === 'number' ? body.detail.shipment : undefined;
    const recorded = await recordOrderEvent(deps, order, {
      actor: 'system', type: body.type, status: body.status, trackingNumber, shipment, detail: body.detail, idempotencyKey: body.idempotencyKey,
    });
    res.json({ recorded });
  });
}

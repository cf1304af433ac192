import type { z } from 'zod';
import type { resendRequest, vendorEvent } from '@elar/api';
import { conflict, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import { cancelOrderUpdate, confirmAddressUpdate, hardCopyWorkflowId, vendorEventSignal } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { runUpdate } from '@elar/temporal';
import { PROCESS_NOT_RUNNING, REFUSALS } from '@elar/vocabulary';
import { includeOrder, orderFor } from './order-view';

const ended = PROCESS_NOT_RUNNING.order;

async function orderHandle(deps: LicensingDeps, principal: Principal, orderNumber: string) {
  const order = await orderFor(deps.db, principal, orderNumber);
  return { order, handle: deps.temporal.client.workflow.getHandle(hardCopyWorkflowId(order.orderNumber)) };
}

/** Cancel before printing: the workflow refuses it (409 too-late-to-cancel) once the vendor has printed. */
export async function cancelOrder(deps: LicensingDeps, principal: Principal, orderNumber: string) {
  const { handle } = await orderHandle(deps, principal, orderNumber);
  await runUpdate(() => handle.executeUpdate(cancelOrderUpdate), ended);
  return orderFor(deps.db, principal, orderNumber);
}

/** After returned mail: keeps the corrected address (in this database only), then tells the workflow to re-send. */
export async function resendOrder(deps: LicensingDeps, principal: Principal, orderNumber: string, body: z.infer<typeof resendRequest>) {
  const { order, handle } = await orderHandle(deps, principal, orderNumber);
  if (order.status !== 'Returned to Sender') throw conflict(REFUSALS.notReturned, `An order that is ${order.status} needs no new address.`);
  if (body.address) await deps.db.hardCopyOrder.update({ where: { id: order.id }, data: { address: body.address } });
  await runUpdate(() => handle.executeUpdate(confirmAddressUpdate), ended);
  return orderFor(deps.db, principal, orderNumber);
}

/** The print vendor's webhook, once its signature is checked (vendor-signature.ts): signalled to the order's workflow. */
export async function forwardVendorEvent(deps: LicensingDeps, event: z.infer<typeof vendorEvent>) {
  const job = await deps.db.printJob.findUnique({ where: { jobId: event.jobId }, include: { order: { include: includeOrder } } });
  if (!job) throw notFound('print-job-not-found', 'No such print job.');
  await runUpdate(() => deps.temporal.client.workflow.getHandle(hardCopyWorkflowId(job.order.orderNumber)).signal(vendorEventSignal, event), ended);
  return { orderNumber: job.order.orderNumber };
}

import {
  ActivityFailure, allHandlersFinished, condition, log, patched, proxyActivities, setHandler, upsertMemo, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { createHardCopyActivities, createNotificationActivities } from '@elar/activities';
import { SERVICE_CALLS, refuse } from '../shared/workflow-helpers';
import { HARD_COPY_CANCELLABLE_STATUSES, REFUSALS, SA } from '@elar/vocabulary';
import {
  cancelOrderUpdate, confirmAddressUpdate, hardCopyStateQuery, vendorEventSignal,
  type HardCopyInput, type HardCopyState, type HardCopyStatus, type VendorEvent,
} from './contract';

type Activities = ReturnType<typeof createHardCopyActivities> & ReturnType<typeof createNotificationActivities>;

const acts = proxyActivities<Activities>(SERVICE_CALLS);

const DAY = 24 * 60 * 60 * 1000;
/** Returned mail not re-addressed within the wait is refunded and ends Refunded (it used to end silently). */
const REFUND_UNCLAIMED_RETURN = 'hard-copy-refund-unclaimed-return';

/**
 * One hard-copy order: payment captured -> certificate rendered -> print job (retried per the
 * policy) -> vendor events (printed, mailed, delivered, returned to sender) -> Delivered. A
 * cancellation before printing or a vendor failing for good runs the compensations (cancel the
 * print job, refund) and ends Refunded. Every side effect carries a key derived from the workflow id.
 */
export async function hardCopyFulfillment(input: HardCopyInput): Promise<HardCopyState> {
  const wfId = workflowInfo().workflowId;
  const { orderNumber } = input;
  const printer = proxyActivities<Activities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: input.printRetryIntervalMs ?? 1000, maximumInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: input.printAttempts ?? 5 },
  });
  const state: HardCopyState = { status: 'Paid', shipment: 1, refunded: false };
  const inbox: VendorEvent[] = [];
  const seen = new Set<string>();
  const compensations: (() => Promise<unknown>)[] = [];
  let cancelRequested = false;
  let addressConfirmed = false;
  let step = 0;

  const setStatus = async (status: HardCopyStatus, type: string, detail?: Record<string, string | number>) => {
    state.status = status;
    step++;
    upsertSearchAttributes({ [SA.status.name]: [status] });
    upsertMemo({ summary: `Hard copy ${orderNumber} of license ${input.licenseNumber}: ${status} (shipment ${state.shipment})` });
    await acts.recordHardCopyStatus({ idempotencyKey: `${wfId}:status:${step}`, orderNumber, status, type, detail });
  };
  const notify = (template: string, key: string, data: Record<string, string | number> = {}) =>
    acts.sendNotification({ idempotencyKey: `${wfId}:${key}`, profileId: input.profileId, template, data: { orderNumber, licenseNumber: input.licenseNumber, ...data } });

  /** Runs the compensations pushed so far (latest first), then reports Refunded. */
  const compensate = async (reason: string): Promise<HardCopyState> => {
    for (const undo of compensations.splice(0).reverse()) await undo();
    await setStatus('Refunded', 'refunded', { reason });
    await notify('hard-copy-refunded', 'refunded', { reason });
    return finish();
  };
  const finish = async () => {
    await condition(allHandlersFinished);
    log.info('hard-copy fulfillment ended', { orderNumber, status: state.status });
    return { ...state };
  };

  setHandler(hardCopyStateQuery, () => ({ ...state }));
  setHandler(vendorEventSignal, (e) => {
    if (seen.has(e.eventId)) return;
    seen.add(e.eventId);
    inbox.push(e);
  });
  setHandler(cancelOrderUpdate, () => {
    cancelRequested = true;
    return { ...state };
  }, {
    validator: () => {
      if (cancelRequested || !HARD_COPY_CANCELLABLE_STATUSES.includes(state.status) || inbox.some((e) => e.jobId === state.jobId)) {
        refuse(REFUSALS.tooLateToCancel, `An order that is ${cancelRequested ? 'already cancelled' : state.status} cannot be cancelled.`);
      }
    },
  });
  setHandler(confirmAddressUpdate, () => {
    addressConfirmed = true;
    return { ...state };
  }, {
    validator: () => {
      if (state.status !== 'Returned to Sender' || addressConfirmed) refuse(REFUSALS.notReturned, `An order that is ${state.status} needs no new address.`);
    },
  });

  /** Applies vendor events for the current print job until it is delivered, returned or cancelled before printing. */
  const followShipment = async (): Promise<'delivered' | 'returned' | 'cancelled'> => {
    for (;;) {
      await condition(() => inbox.length > 0 || cancelRequested);
      if (cancelRequested) return 'cancelled';
      const e = inbox.shift()!;
      if (e.jobId !== state.jobId) continue; // an event of an earlier shipment
      const shipment = state.shipment;
      if (e.type === 'printed') await setStatus('Printed', 'printed', { jobId: e.jobId });
      else if (e.type === 'mailed') {
        state.trackingNumber = e.trackingNumber ?? 'unknown';
        await setStatus('Mailed', 'mailed', { trackingNumber: state.trackingNumber });
        await notify('hard-copy-mailed', `mailed:${shipment}`, { trackingNumber: state.trackingNumber });
      } else if (e.type === 'delivered') {
        await setStatus('Delivered', 'delivered', { shipment });
        await notify('hard-copy-delivered', `delivered:${shipment}`);
        return 'delivered';
      } else {
        await setStatus('Returned to Sender', 'returned-to-sender', { shipment });
        await notify('hard-copy-returned', `returned:${shipment}`);
        return 'returned';
      }
    }
  };

  upsertSearchAttributes({
    [SA.mepid.name]: [input.mepid],
    [SA.orderNumber.name]: [orderNumber],
    [SA.licenseNumber.name]: [input.licenseNumber],
  });
  const paid = await acts.captureHardCopyPayment({ orderNumber, idempotencyKey: `${wfId}:capture` });
  compensations.push(() => acts.refundHardCopyPayment({ orderNumber, idempotencyKey: `${wfId}:refund` }).then(() => (state.refunded = true)));
  await setStatus('Paid', 'payment-captured', { receiptId: paid.receiptId, amountCents: paid.amountCents });
  await notify('hard-copy-paid', 'paid', { amountCents: paid.amountCents, receiptId: paid.receiptId });
  if (cancelRequested) return cancelled();

  await acts.renderHardCopyCertificate({ orderNumber, idempotencyKey: `${wfId}:certificate` });
  await setStatus('Certificate Rendered', 'certificate-rendered');

  async function cancelled() {
    await setStatus('Cancelled', 'cancelled');
    return compensate('cancelled before printing');
  }

  for (;;) {
    if (cancelRequested) return cancelled();
    const shipment = state.shipment;
    try {
      const job = await printer.submitPrintJob({ orderNumber, shipment, idempotencyKey: `${wfId}:print:${shipment}` });
      state.jobId = job.jobId;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      await setStatus('Print Failed', 'print-failed', { shipment });
      return compensate('the print vendor failed');
    }
    const jobId = state.jobId;
    const undoPrint = () => acts.cancelPrintJob({ orderNumber, jobId, idempotencyKey: `${wfId}:cancel-print:${shipment}` });
    compensations.push(undoPrint);
    await setStatus('Sent to Printer', 'print-job-sent', { jobId, shipment });
    const outcome = await followShipment();
    if (outcome === 'cancelled') return cancelled();
    compensations.splice(compensations.indexOf(undoPrint), 1); // printed: nothing left to cancel
    if (outcome === 'delivered') return finish();
    if (!(await condition(() => addressConfirmed, input.addressWaitMs ?? 60 * DAY))) {
      return patched(REFUND_UNCLAIMED_RETURN) ? compensate('no new address was confirmed in time') : finish();
    }
    addressConfirmed = false;
    state.shipment++;
    state.trackingNumber = undefined;
  }
}

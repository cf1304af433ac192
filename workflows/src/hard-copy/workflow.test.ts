import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createHardCopyActivities, createNotificationActivities } from '@elar/activities';
import { timeSkippingEnvWithSearchAttributes } from '../../test/environments';
import {
  cancelOrderUpdate, confirmAddressUpdate, hardCopyStateQuery, hardCopyWorkflowId, vendorEventSignal,
  type HardCopyInput, type HardCopyStatus,
} from './contract';
import { hardCopyFulfillment } from './workflow';

type Activities = ReturnType<typeof createHardCopyActivities> & ReturnType<typeof createNotificationActivities>;

let env: TestWorkflowEnvironment;
let n = 0;

beforeAll(async () => {
  env = await timeSkippingEnvWithSearchAttributes();
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

/** Typed mocks; the print vendor fails `printFailures` times (Infinity: always) before answering a job id per key. */
function mockActivities(printFailures = 0) {
  let printCalls = 0;
  return {
    captureHardCopyPayment: jest.fn<Activities['captureHardCopyPayment']>(async () => ({ receiptId: 'rcpt_1', amountCents: 2500 })),
    renderHardCopyCertificate: jest.fn<Activities['renderHardCopyCertificate']>(async () => ({ sha256: 'abc', bytes: 1000 })),
    submitPrintJob: jest.fn<Activities['submitPrintJob']>(async (input) => {
      if (++printCalls <= printFailures) throw ApplicationFailure.retryable(`vendor down (attempt ${printCalls})`, 'print-vendor-unavailable');
      return { jobId: `PJ-${input.shipment}` };
    }),
    cancelPrintJob: jest.fn<Activities['cancelPrintJob']>(async () => ({ cancelled: true })),
    refundHardCopyPayment: jest.fn<Activities['refundHardCopyPayment']>(async () => ({ refundId: 'rfnd_1', amountCents: 2500 })),
    recordHardCopyStatus: jest.fn<Activities['recordHardCopyStatus']>(async () => ({ recorded: true })),
    sendNotification: jest.fn<Activities['sendNotification']>(async () => ({ notificationId: 'n', status: 'sent' as const })),
  };
}
type Mocks = ReturnType<typeof mockActivities>;

async function run<T>(acts: Mocks, input: Partial<HardCopyInput>, fn: (h: ReturnType<typeof env.client.workflow.getHandle>, orderNumber: string) => Promise<T>) {
  const orderNumber = `HC-2026-${String(++n).padStart(6, '0')}`;
  const taskQueue = `hard-copy-test-${n}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('../workflows'), activities: acts });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(hardCopyFulfillment, {
      taskQueue, workflowId: hardCopyWorkflowId(orderNumber),
      args: [{ orderNumber, profileId: 'profile-1', mepid: '12345678', licenseNumber: '500001', printRetryIntervalMs: 10, ...input }],
    });
    return fn(handle, orderNumber);
  });
}

async function untilStatus(handle: ReturnType<typeof env.client.workflow.getHandle>, status: HardCopyStatus) {
  for (let i = 0; i < 100; i++) {
    if ((await handle.query(hardCopyStateQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never reached ${status}: ${JSON.stringify(await handle.query(hardCopyStateQuery))}`);
}

const statuses = (acts: Mocks) => acts.recordHardCopyStatus.mock.calls.map(([c]) => c.status);
const templates = (acts: Mocks) => acts.sendNotification.mock.calls.map(([c]) => c.template);
const event = (jobId: string, type: 'printed' | 'mailed' | 'delivered' | 'returned-to-sender', extra: { trackingNumber?: string } = {}) =>
  ({ eventId: `${jobId}-${type}`, jobId, type, ...extra });

describe('hard-copy fulfillment workflow', () => {
  it('happy path: paid, rendered, printed, mailed with tracking, delivered; one print job, emails at payment, mailing and delivery', async () => {
    const acts = mockActivities();
    const result = await run(acts, {}, async (handle) => {
      await untilStatus(handle, 'Sent to Printer');
      await handle.signal(vendorEventSignal, event('PJ-1', 'printed'));
      await handle.signal(vendorEventSignal, event('PJ-1', 'printed')); // a repeated delivery changes nothing
      await expect(handle.executeUpdate(cancelOrderUpdate)).rejects.toMatchObject({ cause: { type: 'too-late-to-cancel' } });
      await handle.signal(vendorEventSignal, event('PJ-1', 'mailed', { trackingNumber: '9400TRACK1' }));
      await handle.signal(vendorEventSignal, event('PJ-1', 'delivered'));
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'Delivered', trackingNumber: '9400TRACK1', refunded: false, shipment: 1 });
    expect(statuses(acts)).toEqual(['Paid', 'Certificate Rendered', 'Sent to Printer', 'Printed', 'Mailed', 'Delivered']);
    expect(templates(acts)).toEqual(['hard-copy-paid', 'hard-copy-mailed', 'hard-copy-delivered']);
    expect(acts.submitPrintJob).toHaveBeenCalledTimes(1);
    expect(acts.submitPrintJob.mock.calls[0]![0].idempotencyKey).toMatch(/^hard-copy:HC-2026-\d{6}:print:1$/);
    expect(acts.refundHardCopyPayment).not.toHaveBeenCalled();
  });

  it('cancel before printing: the print job is cancelled and the payment refunded once (saga compensation)', async () => {
    const acts = mockActivities();
    const result = await run(acts, {}, async (handle) => {
      await untilStatus(handle, 'Sent to Printer');
      await handle.executeUpdate(cancelOrderUpdate);
      await expect(handle.executeUpdate(cancelOrderUpdate)).rejects.toMatchObject({ cause: { type: 'too-late-to-cancel' } });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'Refunded', refunded: true });
    expect(statuses(acts)).toEqual(['Paid', 'Certificate Rendered', 'Sent to Printer', 'Cancelled', 'Refunded']);
    expect(acts.cancelPrintJob).toHaveBeenCalledTimes(1);
    expect(acts.refundHardCopyPayment).toHaveBeenCalledTimes(1);
    expect(templates(acts)).toEqual(['hard-copy-paid', 'hard-copy-refunded']);
  });

  it('a vendor failing twice then succeeding is retried with the same key: one job', async () => {
    const acts = mockActivities(2);
    await run(acts, {}, async (handle) => {
      await untilStatus(handle, 'Sent to Printer');
      await handle.terminate('test over');
    });
    expect(acts.submitPrintJob).toHaveBeenCalledTimes(3);
    expect(new Set(acts.submitPrintJob.mock.calls.map(([c]) => c.idempotencyKey)).size).toBe(1);
    expect(acts.refundHardCopyPayment).not.toHaveBeenCalled();
  });

  it('a vendor failing past the retry policy ends in a refund and an email, not a stuck order', async () => {
    const acts = mockActivities(Infinity);
    const result = await run(acts, { printAttempts: 3 }, (handle) => handle.result());
    expect(result).toMatchObject({ status: 'Refunded', refunded: true });
    expect(acts.submitPrintJob).toHaveBeenCalledTimes(3);
    expect(statuses(acts)).toEqual(['Paid', 'Certificate Rendered', 'Print Failed', 'Refunded']);
    expect(acts.refundHardCopyPayment).toHaveBeenCalledTimes(1);
    expect(acts.cancelPrintJob).not.toHaveBeenCalled();
    expect(templates(acts)).toEqual(['hard-copy-paid', 'hard-copy-refunded']);
  });

  it('returned mail notifies the educator; a confirmed address makes a second print job and it is delivered', async () => {
    const acts = mockActivities();
    const result = await run(acts, {}, async (handle) => {
      await untilStatus(handle, 'Sent to Printer');
      await handle.signal(vendorEventSignal, event('PJ-1', 'printed'));
      await handle.signal(vendorEventSignal, event('PJ-1', 'mailed', { trackingNumber: 'T-1' }));
      await expect(handle.executeUpdate(confirmAddressUpdate)).rejects.toMatchObject({ cause: { type: 'order-not-returned' } });
      await handle.signal(vendorEventSignal, event('PJ-1', 'returned-to-sender'));
      await untilStatus(handle, 'Returned to Sender');
      await handle.executeUpdate(confirmAddressUpdate);
      await untilStatus(handle, 'Sent to Printer');
      await handle.signal(vendorEventSignal, event('PJ-1', 'delivered')); // the first shipment's job: ignored
      await handle.signal(vendorEventSignal, event('PJ-2', 'mailed', { trackingNumber: 'T-2' }));
      await handle.signal(vendorEventSignal, event('PJ-2', 'delivered'));
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'Delivered', shipment: 2, trackingNumber: 'T-2' });
    expect(acts.submitPrintJob.mock.calls.map(([c]) => c.shipment)).toEqual([1, 2]);
    expect(templates(acts)).toEqual(['hard-copy-paid', 'hard-copy-mailed', 'hard-copy-returned', 'hard-copy-mailed', 'hard-copy-delivered']);
    expect(acts.refundHardCopyPayment).not.toHaveBeenCalled();
  });
});

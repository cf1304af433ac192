import { randomUUID } from 'node:crypto';
import { educator, readyToSubmit, submit, type Actor } from '../../bench/src/actors';
import { VENDOR_SIGNATURE_HEADER, VENDOR_TIMESTAMP_HEADER, signVendorEvent } from '../../services/licensing/src/hard-copy/vendor-signature';
import { VENDOR_SECRET, type ChaosStack } from './chaos-stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds; throws after `ms` naming what it waited for and the last value. */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 300)}`);
    await sleep(500);
  }
}

/** Educators made a few at a time (password hashing is bounded on purpose). */
export async function educators(c: ChaosStack, count: number): Promise<Actor[]> {
  const made: Actor[] = [];
  while (made.length < count) made.push(...(await Promise.all(Array.from({ length: Math.min(4, count - made.length) }, () => educator(c.stack, c.api)))));
  return made;
}

/** A paid application with its documents, submitted: its review waits for an evaluator. */
export async function submittedApplication(c: ChaosStack, who: Actor): Promise<string> {
  const n = await readyToSubmit(c.api, who);
  await submit(c.api, who, n);
  return n;
}

const statusOf = async (c: ChaosStack, n: string) => (await c.api.call<{ status?: string }>('GET', `/applications/${n}`, undefined, c.evaluator.token)).body.status;

/**
 * The evaluator takes a submitted application to Issued as a person would: claim, then approve,
 * looking at the status between tries (a refused or failed try is simply tried again).
 */
export async function reviewToIssued(c: ChaosStack, n: string, ms: number): Promise<void> {
  await waitFor(`${n} issued`, async () => {
    const status = await statusOf(c, n);
    if (status === 'Ready for Review') await c.api.call('POST', `/applications/${n}/claim`, undefined, c.evaluator.token);
    else if (status === 'Under Review') await c.api.call('POST', `/applications/${n}/decisions`, { action: 'approve' }, c.evaluator.token);
    return status === 'Issued' ? status : await statusOf(c, n);
  }, (s) => s === 'Issued', ms);
}

const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
const address = { line1: '75 Pleasant St', city: 'Malden', state: 'MA', postalCode: '02148' };

interface OrderView {
  status?: string;
  timeline?: { type: string; detail?: { jobId?: string; shipment?: number } }[];
}

/** A vendor webhook call, signed over its exact body; the event id is fixed per job and type, so a resent event is the same event. */
export function vendorEvent(c: ChaosStack, jobId: string, type: string, extra: Record<string, string> = {}) {
  const raw = JSON.stringify({ eventId: `${jobId}-${type}`, jobId, type, ...extra });
  const timestamp = Math.floor(Date.now() / 1000);
  return c.api.send('POST', '/print-vendor/events', raw, { [VENDOR_TIMESTAMP_HEADER]: String(timestamp), [VENDOR_SIGNATURE_HEADER]: signVendorEvent(VENDOR_SECRET, timestamp, raw) });
}

export const placeOrder = (c: ChaosStack, who: Actor, licenseNumber: string, idempotencyKey = `chaos-${randomUUID()}`) =>
  c.api.call<{ orderNumber: string }>('POST', '/hard-copy-orders', { idempotencyKey, card, licenseNumber, quantity: 1, address }, who.token);

/** A printed copy of the educator's license, ordered and paid, then printed, mailed and delivered as the vendor reports it. */
export async function orderToDelivered(c: ChaosStack, who: Actor, licenseNumber: string, ms: number): Promise<string> {
  const placed = await placeOrder(c, who, licenseNumber);
  if (placed.status >= 300) throw new Error(`order refused: ${placed.status} ${JSON.stringify(placed.body)}`);
  const n = placed.body.orderNumber;
  const view = (status: string) => waitFor(`order ${n} ${status}`, async () => (await c.api.call<OrderView>('GET', `/hard-copy-orders/${n}`, undefined, who.token)).body, (o) => o.status === status, ms);
  const sent = await view('Sent to Printer');
  const jobId = sent.timeline!.find((e) => e.type === 'print-job-sent')!.detail!.jobId!;
  for (const [type, status, extra] of [['printed', 'Printed', {}], ['mailed', 'Mailed', { trackingNumber: `TRACK-${n}` }], ['delivered', 'Delivered', {}]] as const) {
    const sentEvent = await vendorEvent(c, jobId, type, extra);
    if (sentEvent.status !== 202) throw new Error(`vendor event ${type} for ${n} refused: ${sentEvent.status} ${JSON.stringify(sentEvent.body)}`);
    await view(status);
  }
  return n;
}

/** The educator's one license (from an issued application). */
export async function onlyLicense(c: ChaosStack, who: Actor): Promise<string> {
  const mine = await c.api.call<{ licenses: { licenseNumber: string }[] }>('GET', '/licenses/mine', undefined, who.token);
  return mine.body.licenses[0]!.licenseNumber;
}

/** What one educator does in R1 and R3: an application to Issued, then a printed copy of that license to Delivered. */
export async function applyThenOrder(c: ChaosStack, who: Actor, ms: number) {
  const applicationNumber = await submittedApplication(c, who);
  await reviewToIssued(c, applicationNumber, ms);
  const orderNumber = await orderToDelivered(c, who, await onlyLicense(c, who), ms);
  return { applicationNumber, orderNumber };
}

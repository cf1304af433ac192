import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import type { Stack } from '@elar/devstack';
import { apiClient, newProfile, type ApiClient } from './client';
import { signedInEducator, until } from './educators';
import { watchStatus } from './live-status';
import { pdfText } from './pdf-text';
import { startTestStack } from './stack';
import { withIdentityDb as withDb } from './staff';
import { VENDOR_SIGNATURE_HEADER, VENDOR_TIMESTAMP_HEADER, signVendorEvent } from '../../services/licensing/src/hard-copy/vendor-signature';

const VENDOR_SECRET = 'e2e-print-vendor-secret-0001';
const spoolDir = mkdtempSync(join(tmpdir(), 'elar-print-spool-'));
let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startTestStack({ PRINT_SPOOL_DIR: spoolDir, PRINT_VENDOR_WEBHOOK_SECRET: VENDOR_SECRET, HARD_COPY_FEE_CENTS: '2500' });
  api = apiClient(stack.gatewayUrl, { mail: stack.mail });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

/** An educator with an issued license (written straight into licensing's test database, as review would issue it). */
async function educatorWithLicense(firstName: string, lastName: string) {
  const educator = await signedInEducator(api, firstName, lastName);
  const profileId = await withDb(stack.databaseUrls.identity, async (db) => (await db.query('SELECT id FROM "Profile" WHERE mepid = $1', [educator.mepid])).rows[0].id as string);
  const licenseNumber = await withDb(stack.databaseUrls.licensing, async (db) => {
    const { rows } = await db.query(
      `INSERT INTO "License" (id, "licenseNumber", "profileId", mepid, "holderFirstName", "holderLastName", kind, "licenseType", field, "gradeLevel",
         "issueDate", "expiresAt", "validityKind", "validityYears", status)
       VALUES ($1, nextval('license_number_seq')::text, $2, $3, $4, $5, 'license', 'initial', 'mathematics', '8-12', current_date, NULL, 'employment-years', 5, 'Active')
       RETURNING "licenseNumber"`,
      [randomUUID(), profileId, educator.mepid, firstName, lastName],
    );
    return rows[0].licenseNumber as string;
  });
  return { ...educator, licenseNumber };
}

const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
const address = { line1: '75 Pleasant St', city: 'Malden', state: 'MA', postalCode: '02148' };

const order = (token: string, licenseNumber: string, extra: Record<string, unknown> = {}) =>
  api.post('/hard-copy-orders', { idempotencyKey: `hc-${randomUUID()}`, card, licenseNumber, quantity: 1, address, ...extra }, token);

const orderStatus = (orderNumber: string, token: string, status: string, ms = 60_000) =>
  until(`order ${orderNumber} ${status}`, () => api.get(`/hard-copy-orders/${orderNumber}`, token), (r) => r.body.status === status, ms).then((r) => r.body);

/** The vendor's job id for a shipment, as the timeline shows it. */
const jobIdOf = (view: { timeline: { type: string; detail?: { jobId?: string; shipment?: number } }[] }, shipment = 1) =>
  view.timeline.find((e) => e.type === 'print-job-sent' && e.detail?.shipment === shipment)!.detail!.jobId!;

/** A webhook call as the vendor makes it: signed over its timestamp and exact body. */
const vendor = (jobId: string, type: string, extra: Record<string, string> = {}, secret = VENDOR_SECRET) => {
  const raw = JSON.stringify({ eventId: `${jobId}-${type}-${randomUUID()}`, jobId, type, ...extra });
  const timestamp = Math.floor(Date.now() / 1000);
  return api.call('POST', '/print-vendor/events', { raw, headers: { [VENDOR_TIMESTAMP_HEADER]: String(timestamp), [VENDOR_SIGNATURE_HEADER]: signVendorEvent(secret, timestamp, raw) } });
};

/** licensing's `hard_copies_shipped_total`, as Prometheus scrapes it (with the internal token). */
async function hardCopiesShipped(): Promise<number> {
  const res = await request(stack.metricsUrls.licensing!, { headers: { authorization: `Bearer ${stack.env.INTERNAL_TOKEN}` } });
  const line = (await res.body.text()).split('\n').find((l) => l.startsWith('hard_copies_shipped_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

const counts = (orderNumber: string) =>
  withDb(stack.databaseUrls.licensing, async (db) => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM "HardCopyPayment" p WHERE p."orderId" = o.id AND p.kind = 'charge' AND p.status = 'succeeded')::int AS charges,
              (SELECT count(*) FROM "HardCopyPayment" p WHERE p."orderId" = o.id AND p.kind = 'refund')::int AS refunds,
              (SELECT count(*) FROM "PrintJob" j WHERE j."orderId" = o.id)::int AS "printJobs"
         FROM "HardCopyOrder" o WHERE o."orderNumber" = $1`,
      [orderNumber],
    );
    return rows[0] as { charges: number; refunds: number; printJobs: number };
  });

const spooledJobs = (orderNumber: string) =>
  readdirSync(spoolDir).filter((d) => existsSync(join(spoolDir, d, 'job.json')) && JSON.parse(readFileSync(join(spoolDir, d, 'job.json'), 'utf8')).orderNumber === orderNumber);

describe('hard copies through the gateway', () => {
  it('the unofficial PDF carries the license and a verification code the public lookup accepts; only its owner gets it', async () => {
    const educator = await educatorWithLicense('Grace', 'Hopper');
    const res = await request(`${stack.gatewayUrl}/api/v1/licenses/${educator.licenseNumber}/certificate`, { headers: { authorization: `Bearer ${educator.token}` } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/pdf');
    const { text, totalPages } = await pdfText(new Uint8Array(await res.body.arrayBuffer()));
    expect(totalPages).toBe(1);
    for (const s of ['UNOFFICIAL COPY', 'Grace Hopper', educator.licenseNumber, 'Initial', 'Mathematics', '8-12']) expect(text).toContain(s);
    expect(text).not.toContain(educator.mepid);
    const code = /Verification code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)![1]!;
    const lookup = await api.get(`/licenses/lookup?verificationCode=${code.toLowerCase()}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.licenses).toEqual([expect.objectContaining({ licenseNumber: educator.licenseNumber, name: 'Grace Hopper', status: 'Active' })]);
    expect((await api.get('/licenses/lookup?verificationCode=nope')).status).toBe(400);
    const stranger = await signedInEducator(api, 'Other', 'Person');
    expect((await api.get(`/licenses/${educator.licenseNumber}/certificate`, stranger.token)).status).toBe(404);
    expect((await api.get(`/licenses/${educator.licenseNumber}/certificate`)).status).toBe(401);
    expect((await order(stranger.token, educator.licenseNumber)).status).toBe(404);
  });

  it('happy path: mailed to the profile’s address by default, one charge for a double click, printed, mailed with tracking, delivered, with emails and a timeline', async () => {
    const educator = await educatorWithLicense('Alan', 'Turing');
    // No address given: the order takes the mailing address on the educator's profile.
    const body = { idempotencyKey: `hc-${randomUUID()}`, card, licenseNumber: educator.licenseNumber, quantity: 2 };
    const [first, second] = await Promise.all([api.post('/hard-copy-orders', body, educator.token), api.post('/hard-copy-orders', body, educator.token)]);
    const placed = first.status === 201 ? first : second;
    expect(placed.status).toBe(201);
    expect([200, 201, 409]).toContain((placed === first ? second : first).status);
    const n: string = placed.body.orderNumber;
    expect(n).toMatch(/^HC-\d{4}-\d{6}$/);
    expect(placed.body).toMatchObject({ amountCents: 5000, quantity: 2, licenseNumber: educator.licenseNumber });
    expect(placed.body.address).toEqual(newProfile().contact.address);
    expect((await api.post('/hard-copy-orders', body, educator.token)).body.orderNumber).toBe(n);
    const live = watchStatus(`${stack.gatewayUrl}/api/v1/hard-copy-orders/${n}/events`, educator.token);

    const sent = await orderStatus(n, educator.token, 'Sent to Printer');
    const jobId = jobIdOf(sent);
    expect(spooledJobs(n)).toEqual([jobId]);
    expect(readFileSync(join(spoolDir, jobId, 'certificate.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: payment received`), 60_000);

    expect((await vendor(jobId, 'printed', {}, 'wrong-secret-wrong-secret')).status).toBe(401);
    expect((await vendor(jobId, 'printed')).status).toBe(202);
    await orderStatus(n, educator.token, 'Printed');
    expect((await api.post(`/hard-copy-orders/${n}/cancel`, undefined, educator.token)).body.error.code).toBe('too-late-to-cancel');
    const shippedBefore = await hardCopiesShipped();
    await vendor(jobId, 'mailed', { trackingNumber: '9400111899223344556677' });
    const mailed = await orderStatus(n, educator.token, 'Mailed');
    // The runbook's "business flow stalled" alert reads this counter from licensing's /metrics.
    expect(await hardCopiesShipped()).toBe(shippedBefore + 1);
    expect(mailed.trackingNumber).toBe('9400111899223344556677');
    const mailedMail = await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: mailed`), 60_000);
    expect(mailedMail.text).toContain('9400111899223344556677');
    await vendor(jobId, 'delivered');
    const delivered = await orderStatus(n, educator.token, 'Delivered');
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: delivered`), 60_000);
    expect(delivered.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining([
      'payment-received', 'payment-captured', 'certificate-rendered', 'print-job-sent', 'printed', 'mailed', 'delivered',
    ]));
    expect((await api.get('/hard-copy-orders', educator.token)).body.orders.map((o: { orderNumber: string }) => o.orderNumber)).toContain(n);
    expect(await counts(n)).toEqual({ charges: 1, refunds: 0, printJobs: 1 });
    await until('the stream to show Delivered', async () => [...live.statuses], (s) => s.includes('Delivered'));
    expect(live.statuses).toEqual(expect.arrayContaining(['Printed', 'Mailed', 'Delivered']));
    await live.close();
  });

  it('cancel before printing -> refunded once, with an email', async () => {
    const educator = await educatorWithLicense('Ada', 'Byron');
    const placed = await order(educator.token, educator.licenseNumber);
    const n: string = placed.body.orderNumber;
    await orderStatus(n, educator.token, 'Sent to Printer');
    const cancelled = await api.post(`/hard-copy-orders/${n}/cancel`, undefined, educator.token);
    expect(cancelled.status).toBe(202);
    const refunded = await orderStatus(n, educator.token, 'Refunded');
    expect(refunded.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['cancelled', 'refund-issued', 'refunded']));
    expect((await api.post(`/hard-copy-orders/${n}/cancel`, undefined, educator.token)).status).toBe(409);
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: refunded`), 60_000);
    expect(await counts(n)).toEqual({ charges: 1, refunds: 1, printJobs: 1 });
    expect(existsSync(join(spoolDir, jobIdOf(refunded), 'cancelled'))).toBe(true);
  });

  it('a vendor failing twice then succeeding makes one print job; a vendor failing for good ends refunded with an email', async () => {
    const educator = await educatorWithLicense('Edsger', 'Dijkstra');
    const flaky = (await order(educator.token, educator.licenseNumber, { testVendorFailures: 2 })).body.orderNumber as string;
    const broken = (await order(educator.token, educator.licenseNumber, { testVendorFailures: -1 })).body.orderNumber as string;
    await orderStatus(flaky, educator.token, 'Sent to Printer');
    expect(await counts(flaky)).toEqual({ charges: 1, refunds: 0, printJobs: 1 });
    const failed = await orderStatus(broken, educator.token, 'Refunded', 90_000);
    expect(failed.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['print-failed', 'refund-issued']));
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${broken}: refunded`), 60_000);
    expect(await counts(broken)).toEqual({ charges: 1, refunds: 1, printJobs: 0 });
    expect(spooledJobs(broken)).toEqual([]);
  }, 180_000);

  it('returned mail notifies the educator, who confirms a new address: sent again and delivered', async () => {
    const educator = await educatorWithLicense('Barbara', 'Liskov');
    const n = (await order(educator.token, educator.licenseNumber)).body.orderNumber as string;
    const first = jobIdOf(await orderStatus(n, educator.token, 'Sent to Printer'));
    expect((await api.post(`/hard-copy-orders/${n}/resend`, {}, educator.token)).body.error.code).toBe('order-not-returned');
    await vendor(first, 'printed');
    await vendor(first, 'mailed', { trackingNumber: 'TRACK-FIRST' });
    await vendor(first, 'returned-to-sender');
    await orderStatus(n, educator.token, 'Returned to Sender');
    await stack.mail.waitFor((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: returned to sender`), 60_000);
    const newAddress = { line1: '350 Main St', city: 'Malden', state: 'MA', postalCode: '02148' };
    expect((await api.post(`/hard-copy-orders/${n}/resend`, { address: newAddress }, educator.token)).status).toBe(202);
    const again = await until('the second print job', () => api.get(`/hard-copy-orders/${n}`, educator.token), (r) => r.body.status === 'Sent to Printer' && r.body.shipment === 2);
    expect(again.body.address).toEqual(newAddress);
    const second = jobIdOf(again.body, 2);
    expect(second).not.toBe(first);
    expect(JSON.parse(readFileSync(join(spoolDir, second, 'job.json'), 'utf8')).address).toEqual(newAddress);
    await vendor(second, 'mailed', { trackingNumber: 'TRACK-SECOND' });
    await vendor(second, 'delivered');
    expect(await orderStatus(n, educator.token, 'Delivered')).toMatchObject({ trackingNumber: 'TRACK-SECOND', shipment: 2 });
    expect(await counts(n)).toEqual({ charges: 1, refunds: 0, printJobs: 2 });
  });

  it('a worker restarted mid-fulfillment (while the vendor retries) still makes one charge and one print job', async () => {
    const educator = await educatorWithLicense('Donald', 'Knuth');
    const n = (await order(educator.token, educator.licenseNumber, { testVendorFailures: 3 })).body.orderNumber as string;
    await orderStatus(n, educator.token, 'Certificate Rendered');
    await stack.restart('worker'); // the print activity is mid-retry when the worker dies
    const sent = await orderStatus(n, educator.token, 'Sent to Printer', 90_000);
    await stack.restart('worker'); // and again while the order waits for the vendor
    await vendor(jobIdOf(sent), 'delivered');
    await orderStatus(n, educator.token, 'Delivered', 60_000);
    expect(await counts(n)).toEqual({ charges: 1, refunds: 0, printJobs: 1 });
    expect(spooledJobs(n)).toHaveLength(1);
    const paidMails = stack.mail.messages().filter((m) => m.to.includes(educator.email) && m.subject.includes(`${n}: payment received`));
    expect(paidMails).toHaveLength(1);
  }, 240_000);
});

import { z } from 'zod';
import { APPLICATION_REPORTED_STATUSES, HARD_COPY_STATUSES, RENEWAL_STATUSES } from '@elar/vocabulary';
import { defineInternalRoute, idempotencyKey } from './route';

const applicationParams = z.object({ applicationNumber: z.string().min(1).max(40) });
const renewalParams = z.object({ renewalNumber: z.string().min(1).max(40) });
const orderParams = z.object({ orderNumber: z.string().min(1).max(40) });
const step = z.object({ idempotencyKey });
const recorded = z.object({ recorded: z.boolean() });
const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** Licensing's internal API for the review and renewal workflows. */
export const licensingInternal = {
  recordApplicationStatus: defineInternalRoute({
    service: 'licensing',
    path: '/internal/applications/:applicationNumber/status',
    params: applicationParams,
    body: step.extend({
      status: z.enum(APPLICATION_REPORTED_STATUSES),
      actor: z.string().min(1).max(120),
      evaluatorId: z.string().optional(),
      detail: z.record(z.string(), detailValue).optional(),
    }),
    response: recorded,
    summary: 'Records a status change on the application and its timeline; once per key.',
  }),
  openCorrespondence: defineInternalRoute({
    service: 'licensing',
    path: '/internal/applications/:applicationNumber/correspondence',
    params: applicationParams,
    body: step.extend({
      sequence: z.number().int().min(1),
      evaluatorId: z.string().min(1),
      missingRequirements: z.array(z.string()).min(1),
      dueDate: z.iso.datetime(),
      letter: z.string().max(10_000).optional(),
    }),
    response: z.object({ correspondenceId: z.string() }),
    summary: 'Writes deficiency letter number `sequence`; the same key (or the same sequence) answers the same letter.',
  }),
  issueLicense: defineInternalRoute({
    service: 'licensing',
    path: '/internal/applications/:applicationNumber/licenses',
    params: applicationParams,
    body: step.extend({ evaluatorId: z.string().min(1) }),
    response: z.object({ licenseNumbers: z.array(z.string()) }),
    summary: 'Issues the application’s licenses; the same key answers the same license numbers.',
  }),
  recordRenewalStatus: defineInternalRoute({
    service: 'licensing',
    path: '/internal/renewals/:renewalNumber/status',
    params: renewalParams,
    body: step.extend({
      status: z.enum(RENEWAL_STATUSES),
      evaluatorId: z.string().optional(),
      reason: z.string().max(2000).optional(),
    }),
    response: recorded,
    summary: 'Records a renewal status; `Renewed` extends the licenses once (guarded on the renewal not being final).',
  }),
  licenseExpiry: defineInternalRoute({
    service: 'licensing',
    method: 'GET',
    path: '/internal/licenses/:licenseNumber/expiry',
    params: z.object({ licenseNumber: z.string().min(1).max(40) }),
    body: z.object({}),
    response: z.object({ expiresOn: z.string().nullable(), status: z.string() }),
    summary: 'A license’s current expiry (`YYYY-MM-DD`, or null when counted in years of employment); the expiry-reminder workflow asks before each email.',
  }),
  reconcilePayments: defineInternalRoute({
    service: 'licensing',
    path: '/internal/payments/reconcile',
    params: z.object({}),
    body: z.object({}),
    response: z.object({ settled: z.number().int() }),
    summary: 'Settles charges left pending by a crash as the processor answered their keys (run by the payments-reconciler Schedule).',
  }),
} as const;

/** Licensing's internal API for the hard-copy fulfillment workflow. */
export const hardCopyInternal = {
  capturePayment: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/capture', params: orderParams, body: step,
    response: z.object({ receiptId: z.string(), amountCents: z.number().int() }),
    summary: 'Captures the order’s payment (the one charge-once module); one charge per order.',
  }),
  renderCertificate: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/certificate', params: orderParams, body: step,
    response: z.object({ sha256: z.string(), bytes: z.number().int() }),
    summary: 'Renders the certificate PDF to print (deterministic content).',
  }),
  submitPrintJob: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/print-jobs', params: orderParams,
    body: step.extend({ shipment: z.number().int().min(1).max(20) }),
    response: z.object({ jobId: z.string() }),
    summary: 'Sends a print job to the vendor; one job per key.',
  }),
  cancelPrintJob: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/print-jobs/cancel', params: orderParams,
    body: step.extend({ jobId: z.string().min(4) }),
    response: z.object({ cancelled: z.boolean() }),
    summary: 'Cancels a print job (compensation); cancelling twice is a no-op.',
  }),
  refundPayment: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/refund', params: orderParams, body: step,
    response: z.object({ refundId: z.string(), amountCents: z.number().int() }),
    summary: 'Refunds the order’s payment (compensation); one refund per order.',
  }),
  recordStatus: defineInternalRoute({
    service: 'licensing', path: '/internal/hard-copy-orders/:orderNumber/status', params: orderParams,
    body: step.extend({
      status: z.enum(HARD_COPY_STATUSES),
      /** Timeline event type, e.g. `payment-captured`, `mailed`. */
      type: z.string().min(1).max(60),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    response: recorded,
    summary: 'Records a status change on the order and its timeline; once per key.',
  }),
} as const;

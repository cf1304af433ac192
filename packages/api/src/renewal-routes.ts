import { z } from 'zod';
import { applicationParams, payRequest, reviewStateView } from './licensing';
import {
  assignRequest, createRenewalRequest, documentParams, noteRequest, renewalDecisionRequest, renewalParams, renewalPaymentReceipt, renewalView,
} from './renewal';
import type { RouteSpec } from './route-spec';

const educator = ['educator'] as const;
const evaluator = ['evaluator'] as const;

/** Renewal, the evaluator actions added with it, and document download (licensing service). */
export const renewalRoutes: RouteSpec[] = [
  {
    method: 'post', path: '/renewals', service: 'licensing', access: educator, tag: 'Renewals',
    summary: 'Start the renewal of Professional licenses: PDPs per category and the attestation (409 too early / not renewable / already renewed, 422 PDPs short)',
    body: createRenewalRequest,
    responses: { 201: { description: 'The renewal, awaiting its fee', schema: renewalView } },
  },
  {
    method: 'get', path: '/renewals', service: 'licensing', access: educator, tag: 'Renewals',
    summary: "The signed-in educator's renewals",
    responses: { 200: { description: 'Renewals', schema: z.object({ renewals: z.array(renewalView) }) } },
  },
  {
    method: 'get', path: '/renewals/{renewalNumber}', service: 'licensing', access: ['educator', 'evaluator'], tag: 'Renewals',
    summary: 'One renewal with its status and, once renewed, the new expiry dates', params: renewalParams,
    responses: { 200: { description: 'The renewal', schema: renewalView } },
  },
  {
    method: 'post', path: '/renewals/{renewalNumber}/payments', extraErrors: { 402: 'Card declined, or the fee is not paid yet' }, service: 'licensing', access: educator, tag: 'Renewals',
    summary: 'Pay the renewal fee (idempotent per key); a cleared payment processes the renewal at once (or sends an audit sample to review)',
    params: renewalParams, body: payRequest,
    responses: { 201: { description: 'Charged', schema: renewalPaymentReceipt }, 200: { description: 'Same key again: the original receipt', schema: renewalPaymentReceipt } },
  },
  {
    method: 'get', path: '/review/renewals', service: 'licensing', access: evaluator, tag: 'Review',
    summary: 'Renewals sampled for audit, waiting for an evaluator',
    responses: { 200: { description: 'Renewals', schema: z.object({ renewals: z.array(renewalView) }) } },
  },
  {
    method: 'post', path: '/renewals/{renewalNumber}/decisions', service: 'licensing', access: ['evaluator', 'customer-service'], tag: 'Review',
    summary: 'Approve or deny (with a reason) a renewal sampled for audit (customer service once it is Escalated)', params: renewalParams, body: renewalDecisionRequest,
    responses: { 200: { description: 'The renewal after the decision', schema: renewalView } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/notes', service: 'licensing', access: evaluator, tag: 'Review',
    summary: 'Internal note: shown to evaluators in the timeline, never to the educator', params: applicationParams, body: noteRequest,
    responses: { 201: { description: 'Review state', schema: reviewStateView } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/assign', service: 'licensing', access: ['evaluator', 'customer-service'], tag: 'Review',
    summary: 'Assign the application to another evaluator (customer service, or the evaluator who holds it)', params: applicationParams, body: assignRequest,
    responses: { 200: { description: 'Review state', schema: reviewStateView } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/withdraw', service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Withdraw an application before a decision (fees are not refunded: DESE policy)', params: applicationParams,
    responses: { 200: { description: 'Withdrawn', schema: z.object({ applicationNumber: z.string(), status: z.literal('Withdrawn') }) } },
  },
  {
    method: 'get', path: '/applications/{applicationNumber}/documents/{documentId}', service: 'licensing', access: ['educator', 'evaluator', 'customer-service'], tag: 'Applications',
    summary: 'Download an uploaded document as an attachment (owner, evaluators, customer service)', params: documentParams,
    responses: { 200: { description: 'The document bytes (PDF, JPEG or PNG), streamed from the document store, named from the sniffed type' } },
    extraErrors: { 409: 'document-quarantined (the scan refused it), document-scan-pending', 410: 'document-content-missing', 503: 'document-store-unavailable' },
  },
];

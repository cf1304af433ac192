import { z } from 'zod';
import {
  applicationDetail, applicationParams, applicationSummary, correspondenceParams, createApplicationRequest, decisionRequest,
  licenseLookupQuery, licenseView, payRequest, paymentReceipt, publicLicense, queueEntry, queueQuery, replyRequest,
  requirementCheck, reviewStateView, uploadDocumentRequest, documentView, uploadDocumentForm,
} from './licensing';
import type { RouteSpec } from './route-spec';
import { renewalRoutes } from './renewal-routes';

const educator = ['educator'] as const;
const evaluator = ['evaluator'] as const;
const either = ['educator', 'evaluator'] as const;

/** Routes served by the licensing service. */
export const licensingRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/catalog', service: 'licensing', access: 'public', tag: 'Catalog',
    summary: 'License types, fields, grade levels, endorsements, requirements and fees',
    responses: { 200: { description: 'The catalog (with a strong ETag)' }, 304: { description: 'Not modified: If-None-Match names the current ETag' } },
  },
  {
    method: 'post', path: '/applications', service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Create a draft application for one or more licenses or endorsements', body: createApplicationRequest,
    responses: { 201: { description: 'The draft', schema: applicationSummary } },
  },
  {
    method: 'get', path: '/applications', service: 'licensing', access: educator, tag: 'Applications',
    summary: "The signed-in educator's applications with their status",
    responses: { 200: { description: 'Applications', schema: z.object({ applications: z.array(applicationSummary) }) } },
  },
  {
    method: 'get', path: '/applications/{applicationNumber}', service: 'licensing', access: either, tag: 'Applications',
    summary: 'One application with its checklist, documents, correspondence and timeline', params: applicationParams,
    responses: { 200: { description: 'The application', schema: applicationDetail } },
  },
  {
    method: 'get', path: '/applications/{applicationNumber}/checklist', service: 'licensing', access: either, tag: 'Applications',
    summary: 'Requirements checklist: each requirement, whether it is met and by which document', params: applicationParams,
    responses: { 200: { description: 'Checklist', schema: z.object({ checklist: z.array(requirementCheck) }) } },
  },
  {
    method: 'delete', path: '/applications/{applicationNumber}', service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Discard an unpaid draft: the application and its stored documents are deleted', params: applicationParams,
    responses: { 204: { description: 'Discarded' } },
    extraErrors: { 409: 'application-not-discardable (submitted, paid or no longer a draft: withdraw it instead)' },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/documents', service: 'licensing', access: educator, tag: 'Applications',
    summary:
      'Upload a document for a requirement: multipart/form-data with a `requirementId` field, then a `file` part, streamed ' +
      '(up to DOCUMENT_MAX_BYTES, 20 MB by default). The type is decided from the first bytes (PDF, PNG, JPEG); the server names ' +
      'the file from that type, records its SHA-256 and scans it (only a clean document meets a requirement or can be opened). ' +
      'application/json with base64 (`uploadDocumentRequest`) is accepted for small files only (the 1 MB JSON body limit).',
    params: applicationParams, body: uploadDocumentRequest, upload: uploadDocumentForm,
    responses: { 201: { description: 'Stored: the document with its scan state', schema: documentView } },
    extraErrors: {
      409: 'application-locked, document-limit-reached (DOCUMENTS_PER_APPLICATION), requirement-document-limit-reached (DOCUMENTS_PER_REQUIREMENT)',
      413: 'document-too-large (DOCUMENT_MAX_BYTES; the upload is cut off and nothing is stored), application-documents-too-large (DOCUMENT_BYTES_PER_APPLICATION)',
      415: 'unsupported-document-type (not a PDF, PNG or JPEG by its first bytes; the upload stops there)',
      422: 'unknown-requirement',
      503: 'document-store-unavailable (nothing was saved; retry)',
    },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/payments', extraErrors: { 402: 'Card declined, or the fee is not paid yet' }, service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Pay the application fee by card (test mode: 4242424242424242 succeeds, 4000000000000002 is declined); idempotent per key',
    params: applicationParams, body: payRequest,
    responses: { 201: { description: 'Charged', schema: paymentReceipt }, 200: { description: 'Same key again: the original receipt', schema: paymentReceipt } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/submit', extraErrors: { 402: 'Card declined, or the fee is not paid yet' }, service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Submit a paid application whose requirements are met; starts its review', params: applicationParams,
    responses: { 202: { description: 'Submitted (Ready for Review)', schema: applicationSummary } },
  },
  {
    method: 'get', path: '/applications/{applicationNumber}/events', service: 'licensing', access: either, tag: 'Applications',
    summary: 'Server-Sent Events: the current status, then every status change as it happens', params: applicationParams, stream: true,
    responses: { 200: { description: 'text/event-stream of `status` events' } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/correspondence/{sequence}/reply', service: 'licensing', access: educator, tag: 'Applications',
    summary: 'Reply to a deficiency letter (upload documents first); returns the application to its evaluator', params: correspondenceParams, body: replyRequest,
    responses: { 202: { description: 'Reply recorded' } },
  },
  {
    method: 'get', path: '/review/queue', service: 'licensing', access: evaluator, tag: 'Review',
    summary: 'Submitted applications in queue order, filtered by status or license type', query: queueQuery,
    responses: { 200: { description: 'Queue', schema: z.object({ queue: z.array(queueEntry) }) } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/claim', service: 'licensing', access: evaluator, tag: 'Review',
    summary: 'Claim a Ready for Review application', params: applicationParams,
    responses: { 200: { description: 'Review state', schema: reviewStateView } },
  },
  {
    method: 'post', path: '/applications/{applicationNumber}/decisions', service: 'licensing', access: evaluator, tag: 'Review',
    summary: 'Approve, deny (with a reason) or request information (missing requirements and a due date)', params: applicationParams, body: decisionRequest,
    responses: { 200: { description: 'Review state after the decision', schema: reviewStateView } },
  },
  {
    method: 'get', path: '/licenses/mine', service: 'licensing', access: educator, tag: 'Licenses',
    summary: "The signed-in educator's licenses",
    responses: { 200: { description: 'Licenses', schema: z.object({ licenses: z.array(licenseView) }) } },
  },
  {
    method: 'get', path: '/licenses/lookup', service: 'licensing', access: 'public', tag: 'Licenses',
    summary: 'Public license lookup by name (whole words of 2+ letters, no wildcards), license number or verification code; at most 25 results, rate-limited per address (not for hiring decisions)', query: licenseLookupQuery, publicSearch: true,
    responses: { 200: { description: 'Matches', schema: z.object({ licenses: z.array(publicLicense) }) } },
  },
];

licensingRoutes.push(...renewalRoutes);

import { z } from 'zod';
import { APPLICATION_REVIEW_STATUSES, APPLICATION_STATUSES } from '@elar/vocabulary';
import { mepid } from './common';

export const applicationNumber = z.string().regex(/^A-\d{4}-\d{6}$/, 'an application number like A-2026-000123');
export const applicationParams = z.object({ applicationNumber });
export const correspondenceParams = z.object({ applicationNumber, sequence: z.coerce.number().int().min(1).max(1000) });

export const applicationStatus = z.enum(APPLICATION_STATUSES);

const catalogId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'a catalog id');

export const applicationItemRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('license'), licenseType: catalogId, field: catalogId, gradeLevel: z.string().min(1).max(20) }),
  z.object({ kind: z.literal('endorsement'), endorsement: catalogId }),
]);

export const createApplicationRequest = z.object({
  items: z.array(applicationItemRequest).min(1).max(10),
});

export const requirementCheck = z.object({
  id: z.string(),
  name: z.string(),
  met: z.boolean(),
  documentId: z.string().nullable(),
  documentName: z.string().nullable(),
});

export const applicationSummary = z.object({
  applicationNumber,
  status: applicationStatus,
  items: z.array(z.object({ kind: z.string(), licenseType: z.string().nullable(), field: z.string(), gradeLevel: z.string().nullable() })),
  feeCents: z.number().int(),
  paid: z.boolean(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A scan decides whether a document may be opened: `clean` only; `quarantined` says why in `detail`. */
export const documentScan = z.object({
  status: z.enum(['pending', 'clean', 'quarantined']),
  detail: z.string().nullable(),
  scannedAt: z.string().nullable(),
});

export const documentView = z.object({
  id: z.string(),
  requirementId: z.string(),
  /** The uploaded name with the extension of the type the bytes were sniffed as. */
  displayName: z.string(),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  scan: documentScan,
  createdAt: z.string(),
});

export const timelineEvent = z.object({ at: z.string(), actor: z.string(), type: z.string(), detail: z.unknown().optional() });

export const applicationDetail = applicationSummary.extend({
  mepid,
  assignedEvaluatorId: z.string().nullable(),
  checklist: z.array(requirementCheck),
  documents: z.array(documentView),
  timeline: z.array(timelineEvent),
  /** Only while Ready for Review: place in the queue and an estimate (see `basis` for how it was computed). */
  queue: z.object({ position: z.number().int(), estimatedDecisionDate: z.string(), basis: z.string() }).nullable(),
  correspondence: z.array(z.object({ sequence: z.number(), letter: z.string(), missingRequirements: z.array(z.string()), dueDate: z.string(), status: z.string(), repliedAt: z.string().nullable() })),
});

/** The form of a streamed upload: the `requirementId` field first, then the `file` part (its file name is the display name). */
export const uploadDocumentForm = z.object({
  requirementId: catalogId.describe('Send this field before the file part.'),
  file: z.string().meta({ format: 'binary', description: 'The PDF, PNG or JPEG file; at most DOCUMENT_MAX_BYTES (20 MB by default).' }),
});

/** Small files only (the JSON body limit is 1 MB, so about 700 KB of file): use the multipart form for anything else. */
export const uploadDocumentRequest = z.object({
  requirementId: catalogId,
  fileName: z.string().min(1).max(200),
  /** Base64 of the file's bytes; its kind is decided from the bytes, not the name. */
  contentBase64: z.string().min(4).max(1_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** Chosen by the client per payment attempt; a retry with the same key never charges twice. */
export const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/);

export const payRequest = z.object({
  idempotencyKey,
  card: z.object({
    number: z.string().regex(/^\d{13,19}$/, 'card number digits'),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().regex(/^\d{3,4}$/),
  }),
});

export const paymentReceipt = z.object({
  paymentId: z.string(),
  status: z.enum(['succeeded']),
  amountCents: z.number().int(),
  receiptId: z.string(),
  cardLast4: z.string().nullable(),
});

export const replyRequest = z.object({ message: z.string().trim().min(1).max(5000) });

export const queueQuery = z.object({
  status: z.enum(APPLICATION_REVIEW_STATUSES).optional(),
  licenseType: catalogId.optional(),
  /** Age filter: days since submission, inclusive. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  maxAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
});

export const queueEntry = z.object({
  applicationNumber,
  status: applicationStatus,
  licenseType: z.string().nullable(),
  assignedEvaluatorId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  ageDays: z.number(),
  position: z.number().int(),
});

export const decisionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('deny'), reason: z.string().trim().min(1).max(2000) }),
  z.object({
    action: z.literal('request-information'),
    missingRequirements: z.array(catalogId).min(1).max(20),
    dueDate: z.iso.datetime(),
    letter: z.string().trim().max(5000).optional(),
  }),
]);

export const reviewStateView = z.object({ status: applicationStatus, evaluatorId: z.string().optional(), letters: z.number() });

export const licenseView = z.object({
  licenseNumber: z.string(),
  kind: z.string(),
  licenseType: z.string().nullable(),
  field: z.string(),
  gradeLevel: z.string().nullable(),
  issueDate: z.string(),
  expiresAt: z.string().nullable(),
  validity: z.string(),
  status: z.string(),
});

export const licenseLookupQuery = z
  .object({
    /** Letters, spaces, apostrophes, hyphens and periods; every word at least 2 letters (no wildcards). */
    name: z
      .string()
      .trim()
      .max(60)
      .regex(/^[\p{L}][\p{L} .'-]*$/u, 'letters, spaces, apostrophes, hyphens and periods only')
      .refine((n) => n.split(/\s+/).every((w) => w.replace(/[.'-]/g, '').length >= 2), 'every word needs at least 2 letters')
      .optional(),
    licenseNumber: z.string().trim().regex(/^\d{6,8}$/).optional(),
    /** The code printed on a certificate (unofficial copy or hard copy). */
    verificationCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'a code like ABCD-EFGH-JKLM').optional(),
  })
  .describe('Give a name, a license number or a verification code; with none of them the answer is an empty list.');

/** Only what the public may see: name, license, field, status and dates. */
export const publicLicense = z.object({
  name: z.string(),
  licenseNumber: z.string(),
  license: z.string(),
  field: z.string(),
  gradeLevel: z.string().nullable(),
  status: z.string(),
  issueDate: z.string(),
  expiresAt: z.string().nullable(),
});

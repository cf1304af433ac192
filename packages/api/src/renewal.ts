import { z } from 'zod';
import { RENEWAL_STATUSES } from '@elar/vocabulary';
import { applicationNumber, paymentReceipt } from './licensing';

export const renewalNumber = z.string().regex(/^R-\d{4}-\d{6}$/, 'a renewal number like R-2026-000042');
export const renewalParams = z.object({ renewalNumber });
const licenseNumber = z.string().regex(/^\d{6,8}$/, 'a license number');

export const createRenewalRequest = z.object({
  /** The first is the primary license; each further one needs more PDPs and a smaller fee. */
  licenseNumbers: z.array(licenseNumber).min(1).max(10),
  /** Points per catalog PDP category (content, pedagogy, sei-esl, diverse-learners). */
  pdps: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.number().min(0).max(10_000)),
  /** The educator attests that the PDPs were earned under an Individual Professional Development Plan. */
  attestation: z.literal(true),
});

export const renewalStatus = z.enum(['Draft', ...RENEWAL_STATUSES]);

export const renewalView = z.object({
  renewalNumber,
  status: renewalStatus,
  licenseNumbers: z.array(z.string()),
  pdps: z.record(z.string(), z.number()),
  feeCents: z.number().int(),
  paid: z.boolean(),
  attestedAt: z.string(),
  /** Per license: the expiry before and after, once renewed. */
  result: z.array(z.object({ licenseNumber: z.string(), previousExpiresAt: z.string(), expiresAt: z.string() })).nullable(),
  createdAt: z.string(),
});

export const renewalPaymentReceipt = paymentReceipt;

export const renewalDecisionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('deny'), reason: z.string().trim().min(1).max(2000) }),
]);

export const noteRequest = z.object({ note: z.string().trim().min(1).max(5000) });
export const assignRequest = z.object({ evaluatorId: z.string().min(1).max(100) });
export const documentParams = z.object({ applicationNumber, documentId: z.uuid() });

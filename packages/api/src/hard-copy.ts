import { z } from 'zod';
import { HARD_COPY_STATUSES as FULFILLMENT_STATUSES } from '@elar/vocabulary';
import { address } from './identity';
import { payRequest } from './licensing';

export const orderNumber = z.string().regex(/^HC-\d{4}-\d{6}$/, 'an order number like HC-2026-000001');
export const hardCopyOrderParams = z.object({ orderNumber });
export const licenseNumberParams = z.object({ licenseNumber: z.string().regex(/^\d{6,8}$/, 'a license number') });

/** Order statuses in the portal's words: a declined payment (no order fulfilled), then the fulfillment workflow's. */
export const HARD_COPY_STATUSES = ['Payment Declined', ...FULFILLMENT_STATUSES] as const;

export const hardCopyOrderRequest = payRequest.extend({
  licenseNumber: licenseNumberParams.shape.licenseNumber,
  quantity: z.number().int().min(1).max(10).default(1),
  /** Where to mail it; omitted: the mailing address on the educator's profile. */
  address: address.optional(),
  /** Test mode only (refused in production): the local print vendor fails this many times (-1: always). */
  testVendorFailures: z.number().int().min(-1).max(20).optional(),
});

export const resendRequest = z.object({
  /** A corrected address; omitted: the order's address is confirmed as it is. */
  address: address.optional(),
});

export const hardCopyOrderView = z.object({
  orderNumber,
  licenseNumber: z.string(),
  quantity: z.number().int(),
  amountCents: z.number().int(),
  status: z.string(),
  trackingNumber: z.string().nullable(),
  shipment: z.number().int(),
  address,
  createdAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), actor: z.string(), type: z.string(), detail: z.unknown().optional() })),
});

export const vendorEvent = z.object({
  /** The vendor's id for this delivery of the event: a repeated delivery is applied once. */
  eventId: z.string().min(4).max(100),
  jobId: z.string().min(4).max(100),
  type: z.enum(['printed', 'mailed', 'delivered', 'returned-to-sender']),
  trackingNumber: z.string().min(4).max(60).optional(),
});


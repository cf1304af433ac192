import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { HardCopyStatus } from '@elar/vocabulary';

export type { HardCopyStatus };

/** Numbers and ids only: the mailing address stays in the licensing database. */
export interface HardCopyInput {
  orderNumber: string;
  profileId: string;
  mepid: string;
  licenseNumber: string;
  /** Print-vendor retry policy; defaults: 5 attempts, 1 s first interval, doubling to 30 s. */
  printAttempts?: number;
  printRetryIntervalMs?: number;
  /** How long a returned order waits for the educator to confirm an address (ms). Default 60 days. */
  addressWaitMs?: number;
}

export type VendorEventType = 'printed' | 'mailed' | 'delivered' | 'returned-to-sender';

export interface VendorEvent {
  eventId: string;
  jobId: string;
  type: VendorEventType;
  trackingNumber?: string;
}

export interface HardCopyState {
  status: HardCopyStatus;
  shipment: number;
  jobId?: string;
  trackingNumber?: string;
  refunded: boolean;
}

export const hardCopyWorkflowId = (orderNumber: string) => `hard-copy:${orderNumber}`;

/** The print vendor's events, forwarded by licensing's webhook route. */
export const vendorEventSignal = defineSignal<[VendorEvent]>('vendorEvent');
/** The educator cancels; refused once the vendor has printed. */
export const cancelOrderUpdate = defineUpdate<HardCopyState, []>('cancelOrder');
/** After mail returned to sender, the educator confirms the (possibly corrected) address: a new print job follows. */
export const confirmAddressUpdate = defineUpdate<HardCopyState, []>('confirmAddress');
export const hardCopyStateQuery = defineQuery<HardCopyState>('hardCopyState');


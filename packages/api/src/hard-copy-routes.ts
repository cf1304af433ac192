import { z } from 'zod';
import {
  hardCopyOrderParams, hardCopyOrderRequest, hardCopyOrderView, licenseNumberParams, resendRequest, vendorEvent,
} from './hard-copy';
import type { RouteSpec } from './route-spec';

const educator = ['educator'] as const;

/** Certificates and hard-copy orders (served by licensing). */
export const hardCopyRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/licenses/{licenseNumber}/certificate', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'Free unofficial printable copy (PDF) of one of your issued licenses, with a verification code the public lookup accepts',
    params: licenseNumberParams,
    responses: { 200: { description: 'application/pdf' } },
  },
  {
    method: 'post', path: '/hard-copy-orders', extraErrors: { 402: 'Card declined, or the fee is not paid yet' }, service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'Order and pay for printed copies of an issued license (test cards as for applications); idempotent per key',
    body: hardCopyOrderRequest,
    responses: { 201: { description: 'Paid; fulfillment started', schema: hardCopyOrderView }, 200: { description: 'Same key again: the same order', schema: hardCopyOrderView } },
  },
  {
    method: 'get', path: '/hard-copy-orders', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'Your hard-copy orders, newest first',
    responses: { 200: { description: 'Orders', schema: z.object({ orders: z.array(hardCopyOrderView) }) } },
  },
  {
    method: 'get', path: '/hard-copy-orders/{orderNumber}', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'One order with its status, tracking number and timeline', params: hardCopyOrderParams,
    responses: { 200: { description: 'The order', schema: hardCopyOrderView } },
  },
  {
    method: 'get', path: '/hard-copy-orders/{orderNumber}/events', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'Server-Sent Events: the current status, then every status change as it happens', params: hardCopyOrderParams, stream: true,
    responses: { 200: { description: 'text/event-stream of `status` events' } },
  },
  {
    method: 'post', path: '/hard-copy-orders/{orderNumber}/cancel', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'Cancel before printing: the payment is refunded', params: hardCopyOrderParams,
    responses: { 202: { description: 'Cancelled; the refund follows', schema: hardCopyOrderView } },
  },
  {
    method: 'post', path: '/hard-copy-orders/{orderNumber}/resend', service: 'licensing', access: educator, tag: 'Hard copies',
    summary: 'After mail was returned to sender: confirm (or correct) the address and have it re-sent', params: hardCopyOrderParams, body: resendRequest,
    responses: { 202: { description: 'Re-send started', schema: hardCopyOrderView } },
  },
  {
    method: 'post', path: '/print-vendor/events', service: 'licensing', access: 'public', tag: 'Hard copies',
    summary: 'Print vendor webhook (printed, mailed with tracking, delivered, returned to sender): headers x-print-vendor-timestamp (Unix seconds, within 5 minutes) and x-print-vendor-signature (`v1=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the shared secret)',
    body: vendorEvent,
    responses: { 202: { description: 'Accepted' } },
  },
];

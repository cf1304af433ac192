import { notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { Db } from '../db/client';
import type { HardCopyEvent, HardCopyOrder, License } from '../generated/prisma/client';

export const includeOrder = { license: true, events: { orderBy: { at: 'asc' as const } } };
export type FullOrder = HardCopyOrder & { license: License; events: HardCopyEvent[] };

/** The order if it is the caller's (workers see any); others get 404 (no probing). */
export async function orderFor(db: Db, principal: Principal, orderNumber: string): Promise<FullOrder> {
  const order = await db.hardCopyOrder.findUnique({ where: { orderNumber }, include: includeOrder });
  if (!order || (principal.role !== 'system' && order.profileId !== principal.userId)) throw notFound('order-not-found', 'No such order.');
  return order;
}

/** The order as the educator sees it: never the certificate bytes or card data. */
export const toOrderView = (o: FullOrder) => ({
  orderNumber: o.orderNumber,
  licenseNumber: o.license.licenseNumber,
  quantity: o.quantity,
  amountCents: o.amountCents,
  status: o.status,
  trackingNumber: o.trackingNumber,
  shipment: o.shipment,
  address: o.address,
  createdAt: o.createdAt.toISOString(),
  timeline: o.events.map((e) => ({ at: e.at.toISOString(), actor: e.actor, type: e.type, ...(e.detail ? { detail: e.detail } : {}) })),
});

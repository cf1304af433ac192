import type { Prisma } from '../generated/prisma/client';
import type { StatusBus } from '../applications/status-bus';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';

/**
 * Records an order event (once per idempotency key) and, when given, the new status and tracking
 * number; publishes the status to live streams (the bus is keyed by business number).
 */
export async function recordOrderEvent(
  deps: { db: Db; bus: StatusBus },
  order: { id: string; orderNumber: string; status: string },
  event: { actor: string; type: string; status?: string; trackingNumber?: string; shipment?: number; detail?: Prisma.InputJsonValue; idempotencyKey?: string },
): Promise<boolean> {
  const status = event.status ?? order.status;
  try {
    const [row] = await deps.db.$transaction([
      deps.db.hardCopyEvent.create({ data: { orderId: order.id, actor: event.actor, type: event.type, detail: event.detail, idempotencyKey: event.idempotencyKey } }),
      deps.db.hardCopyOrder.update({
        where: { id: order.id },
        data: { status, ...(event.trackingNumber ? { trackingNumber: event.trackingNumber } : {}), ...(event.shipment ? { shipment: event.shipment } : {}) },
      }),
    ]);
    deps.bus.publish({ applicationNumber: order.orderNumber, status, at: row.at.toISOString(), type: event.type });
    return true;
  } catch (err) {
    if (event.idempotencyKey && isUniqueViolation(err)) return false; // a retried report: recorded already
    throw err;
  }
}

import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import type { StatusBus } from './status-bus';

/** Records a timeline event and, when the status changes, the new status; publishes it to live streams. */
export async function recordEvent(
  deps: { db: Db; bus: StatusBus },
  app: { id: string; applicationNumber: string; status: string },
  event: { actor: string; type: string; detail?: Prisma.InputJsonValue; status?: string; evaluatorId?: string | null; idempotencyKey?: string },
) {
  const status = event.status ?? app.status;
  const final = ['Issued', 'Denied', 'Withdrawn', 'Closed Incomplete'].includes(status);
  const [row] = await deps.db.$transaction([
    deps.db.applicationEvent.create({
      data: { applicationId: app.id, actor: event.actor, type: event.type, detail: event.detail, idempotencyKey: event.idempotencyKey },
    }),
    deps.db.application.update({
      where: { id: app.id },
      data: {
        status,
        ...(event.evaluatorId ? { assignedEvaluatorId: event.evaluatorId } : {}),
        ...(final && status !== app.status ? { decidedAt: new Date() } : {}),
      },
    }),
  ]);
  deps.bus.publish({ applicationNumber: app.applicationNumber, status, at: row.at.toISOString(), type: event.type });
  return row;
}

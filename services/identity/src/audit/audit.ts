import { currentContext } from '@elar/logger';
import type { Db } from '../db/client';

export interface AuditEntry {
  action: string;
  outcome: string;
  actorId?: string;
  subjectId?: string;
  /** Ids and codes only: never personal data or secrets. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Records a security event (sign-ins, lockouts, password changes, admin actions, case decisions). */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: { ...entry, detail: entry.detail ?? undefined, requestId: currentContext()?.requestId },
  });
}

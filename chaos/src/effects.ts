import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { ChaosStack } from './chaos-stack';

async function query<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/** Each effect counted where it lands: licenses and charges in licensing's database, print jobs in the vendor's spool, emails in the mail catcher. */
export interface Effects {
  /** Applications with other than one license, or other than one successful charge. */
  applications: { number: string; licenses: number; charges: number }[];
  /** Orders with other than one charge, one print job row, one job in the vendor's spool. */
  orders: { number: string; charges: number; printJobs: number; spooled: number }[];
  /** Emails caught more than once for one notification (one idempotency key). */
  emailDuplicates: number;
  emails: number;
}

/** Jobs the print vendor holds for each order (its spool: the outside world's copy). */
function spooledByOrder(spoolDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(spoolDir)) return counts;
  for (const dir of readdirSync(spoolDir)) {
    const job = join(spoolDir, dir, 'job.json');
    if (!existsSync(job)) continue;
    const { orderNumber } = JSON.parse(readFileSync(job, 'utf8')) as { orderNumber: string };
    counts.set(orderNumber, (counts.get(orderNumber) ?? 0) + 1);
  }
  return counts;
}

export async function countEffects(c: ChaosStack, applicationNumbers: string[], orderNumbers: string[]): Promise<Effects> {
  const url = c.stack.databaseUrls.licensing;
  const applications = await query<{ number: string; licenses: number; charges: number }>(url,
    `SELECT a."applicationNumber" AS number,
            (SELECT count(*) FROM "License" l WHERE l."applicationId" = a.id)::int AS licenses,
            (SELECT count(*) FROM "Payment" p WHERE p."applicationId" = a.id AND p.status = 'succeeded')::int AS charges
       FROM "Application" a WHERE a."applicationNumber" = ANY($1)`, [applicationNumbers]);
  const spooled = spooledByOrder(c.spoolDir);
  const orders = (await query<{ number: string; charges: number; printJobs: number }>(url,
    `SELECT o."orderNumber" AS number,
            (SELECT count(*) FROM "HardCopyPayment" p WHERE p."orderId" = o.id AND p.kind = 'charge' AND p.status = 'succeeded')::int AS charges,
            (SELECT count(*) FROM "PrintJob" j WHERE j."orderId" = o.id)::int AS "printJobs"
       FROM "HardCopyOrder" o WHERE o."orderNumber" = ANY($1)`, [orderNumbers])).map((o) => ({ ...o, spooled: spooled.get(o.number) ?? 0 }));
  const perNotification = new Map<string, number>();
  for (const m of c.stack.mail.messages()) {
    const id = m.headers['x-elar-notification'];
    if (id) perNotification.set(id, (perNotification.get(id) ?? 0) + 1);
  }
  return {
    applications, orders,
    emailDuplicates: [...perNotification.values()].reduce((sum, n) => sum + n - 1, 0),
    emails: perNotification.size,
  };
}

/** Effects beyond one per thing: extra licenses, charges, print jobs, spooled jobs and emails. */
export function duplicatesIn(e: Effects): number {
  const extra = (n: number) => Math.max(0, n - 1);
  return e.applications.reduce((s, a) => s + extra(a.licenses) + extra(a.charges), 0)
    + e.orders.reduce((s, o) => s + extra(o.charges) + extra(o.printJobs) + extra(o.spooled), 0)
    + e.emailDuplicates;
}

/** Workflows that ended in failure (failed, timed out, terminated) since the stack started: a fault must never end one. */
export async function failedWorkflows(c: ChaosStack): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of c.temporal.workflow.list({ query: 'ExecutionStatus="Failed" OR ExecutionStatus="TimedOut" OR ExecutionStatus="Terminated"' })) ids.push(wf.workflowId);
  return ids;
}

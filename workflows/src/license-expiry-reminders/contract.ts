import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The catalog's reminder plan (`expiryReminders` in catalog.json). */
export interface ExpiryReminderPlan {
  /** Months before expiry, e.g. [12, 6, 3, 1]. */
  monthsBefore: number[];
  /** Also on the day it expires. */
  onExpiryDay: boolean;
}

/** Ids and catalog ids only: names and addresses stay with licensing and identity. */
export interface LicenseExpiryRemindersInput {
  licenseNumber: string;
  profileId: string;
  mepid: string;
  licenseType: string;
  field: string;
  gradeLevel: string | null;
  /** `YYYY-MM-DD`: the term these reminders are for. A renewed term gets a workflow of its own. */
  expiresOn: string;
  plan: ExpiryReminderPlan;
}

export type ExpiryRemindersState = 'waiting' | 'renewed' | 'expired';

export interface ExpiryRemindersStatus {
  state: ExpiryRemindersState;
  /** Months-before of each reminder sent so far (0 = the day). */
  sent: number[];
  /** The next reminder, when one is waiting. */
  next?: { monthsBefore: number; at: string };
}

/** One workflow per license term: `license-expiry-reminders:<licenseNumber>:<expiresOn>`. */
export const licenseExpiryRemindersWorkflowId = (licenseNumber: string, expiresOn: string) => `license-expiry-reminders:${licenseNumber}:${expiresOn}`;

/** Licensing signals it when the license is renewed: no reminder of this term is sent after it. */
export const licenseRenewedSignal = defineSignal('licenseRenewed');
export const expiryRemindersQuery = defineQuery<ExpiryRemindersStatus>('expiryReminders');

/** Reminders go out at 14:00 UTC: 9 AM in Massachusetts in winter, 10 AM in summer. */
const SEND_HOUR_UTC = 14;

/** `expiresOn` minus `months` calendar months (the 31st becomes the month's last day), at the send hour. */
export function reminderTime(expiresOn: string, months: number): number {
  const [y, m, d] = expiresOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 1 - months, Math.min(d, lastDay), SEND_HOUR_UTC);
}

/** The plan's reminders for a term, earliest first. */
export function reminderSchedule(expiresOn: string, plan: ExpiryReminderPlan): { monthsBefore: number; at: number }[] {
  const months = [...new Set([...plan.monthsBefore.filter((m) => m > 0), ...(plan.onExpiryDay ? [0] : [])])].sort((a, b) => b - a);
  return months.map((monthsBefore) => ({ monthsBefore, at: reminderTime(expiresOn, monthsBefore) }));
}

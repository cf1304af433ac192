/** How emails write dates and money: Massachusetts time, words a person reads. */
const TIME_ZONE = 'America/New_York';

const dateFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** `2026-12-20` or an ISO timestamp -> "December 20, 2026" (the day in Massachusetts). */
export function formatDate(value: string): string {
  // A bare calendar date is that day, wherever the reader is.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T12:00:00Z`));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFormat.format(d);
}

/** ISO timestamp -> "December 20, 2026 at 11:11 AM EST". */
export function formatDateTime(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return `${dateTimeFormat.format(d)}${zone ? ` ${zone}` : ''}`;
}

export const formatMoney = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** "a, b" or ["a", "b"] -> ["a", "b"]. */
export const listOf = (value: string | readonly string[] | undefined) =>
  (typeof value === 'string' ? value.split(',') : value ?? []).map((s) => s.trim()).filter(Boolean);

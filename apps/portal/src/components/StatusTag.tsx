const TONE: Record<string, string> = {
  Issued: 'bg-success-darker', Renewed: 'bg-success-darker', Delivered: 'bg-success-darker', Active: 'bg-success-darker',
  Denied: 'bg-secondary-darker', 'Closed Incomplete': 'bg-secondary-darker', 'Payment Declined': 'bg-secondary-darker',
  'Awaiting Applicant': 'bg-warning text-ink',
};

/** A status in the portal's words; `live` marks one that updates by itself. */
export function StatusTag({ status, live }: { status: string; live?: boolean }) {
  return (
    <span className={`usa-tag ${TONE[status] ?? 'bg-primary-dark'}`} aria-live={live ? 'polite' : undefined}>{status}</span>
  );
}

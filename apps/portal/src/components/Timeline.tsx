import { moment } from '../format';

const LABELS: Record<string, string> = {
  created: 'Application started',
  'document-uploaded': 'Document uploaded',
  'payment-received': 'Payment received',
  'payment-declined': 'Card declined',
  submitted: 'Submitted for review',
  'status-changed': 'Status changed',
  'letter-answered': 'You answered the letter',
  'internal-note': 'Internal note',
  'licenses-issued': 'License issued',
  withdrawn: 'Withdrawn',
  'refund-issued': 'Refund issued',
};

function describe(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  const parts = [d.status, d.to, d.reason, d.note, d.displayName, d.fileName].filter((v) => typeof v === 'string');
  return parts.join(' · ');
}

export function Timeline({ events }: { events: { at: string; actor: string; type: string; detail?: unknown }[] }) {
  return (
    <ol className="usa-process-list">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="usa-process-list__item padding-bottom-2">
          <p className="usa-process-list__heading font-sans-sm">{LABELS[e.type] ?? e.type}</p>
          <p className="margin-top-05 font-sans-2xs">{moment(e.at)} · by {e.actor}{describe(e.detail) ? ` · ${describe(e.detail)}` : ''}</p>
        </li>
      ))}
    </ol>
  );
}

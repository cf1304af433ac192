import type { ApplicationDetail } from '../api/types';

/** Each requirement, met or missing, and the document that meets it. */
export function Checklist({ items }: { items: ApplicationDetail['checklist'] }) {
  return (
    <ul className="usa-icon-list">
      {items.map((c) => (
        <li key={c.id} className="usa-icon-list__item">
          <div className="usa-icon-list__content">
            <strong className={c.met ? 'text-success-darker' : 'text-secondary-darker'}>{c.met ? 'Met' : 'Missing'}</strong>: {c.name}
            {c.documentName && <span className="usa-hint"> ({c.documentName})</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import type { Problem } from '../api/problems';

type Kind = 'success' | 'warning' | 'error' | 'info';

export function Alert({ kind, heading, children }: { kind: Kind; heading?: string; children?: ReactNode }) {
  return (
    <div className={`usa-alert usa-alert--${kind} usa-alert--slim margin-y-2`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="usa-alert__body">
        {heading && <h2 className="usa-alert__heading">{heading}</h2>}
        {children && <div className="usa-alert__text">{children}</div>}
      </div>
    </div>
  );
}

/** The form-level message of an API error (field messages sit next to their fields). */
export function ProblemAlert({ problem }: { problem?: Problem }) {
  if (!problem) return null;
  return <Alert kind="error">{problem.message}</Alert>;
}

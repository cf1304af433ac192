import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** Ids and classes shared by every field: the hint and error are tied to the control with aria-describedby. */
function useFieldIds(error?: string, hint?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined };
}

function Frame({ ids, label, hint, error, children }: Common & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={ids.id}>{label}</label>
      {hint && <div className="usa-hint" id={ids.hintId}>{hint}</div>}
      {error && <span className="usa-error-message" id={ids.errorId} role="alert">{error}</span>}
      {children}
    </div>
  );
}

export function TextField({ label, hint, error, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame ids={ids} label={label} hint={hint} error={error}>
      <input id={ids.id} className={`usa-input${error ? ' usa-input--error' : ''} ${className ?? ''}`} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...input} />
    </Frame>
  );
}

export function TextArea({ label, hint, error, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame ids={ids} label={label} hint={hint} error={error}>
      <textarea id={ids.id} className={`usa-textarea${error ? ' usa-input--error' : ''}`} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, options, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame ids={ids} label={label} hint={hint} error={error}>
      <select id={ids.id} className={`usa-select${error ? ' usa-input--error' : ''}`} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...select}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

export function Checkbox({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="usa-checkbox">
      <input id={id} className="usa-checkbox__input" type="checkbox" {...input} />
      <label className="usa-checkbox__label" htmlFor={id}>{label}</label>
    </div>
  );
}

export function Radio({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="usa-radio">
      <input id={id} className="usa-radio__input" type="radio" {...input} />
      <label className="usa-radio__label" htmlFor={id}>{label}</label>
    </div>
  );
}

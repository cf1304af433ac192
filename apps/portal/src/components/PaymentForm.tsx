import { useRef, useState, type FormEvent } from 'react';
import type { Outcome } from '../api/call';
import { fieldProblem, type Problem } from '../api/problems';
import { dollars, newKey } from '../format';
import { ProblemAlert } from './Alert';
import { TextField } from './Field';

export interface Card { number: string; expMonth: number; expYear: number; cvc: string }

/**
 * A card payment. One idempotency key per attempt: pressing Pay again after a network failure sends
 * the same key (never a second charge); after a decline or a change of card a new key is made.
 */
export function PaymentForm({ amountCents, label = 'Pay', pay, onPaid }: { amountCents: number; label?: string; pay: (card: Card, idempotencyKey: string) => Promise<Outcome<unknown>>; onPaid: () => void }) {
  const key = useRef(newKey());
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const card: Card = {
      number: String(f.get('number') ?? '').replace(/[\s-]/g, ''),
      expMonth: Number(f.get('expMonth')),
      expYear: Number(f.get('expYear')),
      cvc: String(f.get('cvc') ?? ''),
    };
    setBusy(true);
    const r = await pay(card, key.current);
    setBusy(false);
    if (r.ok) return onPaid();
    if (r.problem.status !== 0) key.current = newKey();
    setProblem(r.problem);
  };
  return (
    <form className="usa-form" onSubmit={submit} noValidate aria-label="Card payment">
      <p>Amount due: <strong>{dollars(amountCents)}</strong></p>
      <ProblemAlert problem={problem} />
      <TextField label="Card number" name="number" inputMode="numeric" autoComplete="cc-number" required hint="Test mode: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined." error={fieldProblem(problem, 'card.number')} />
      <div className="grid-row grid-gap-2">
        <div className="grid-col-4"><TextField label="Month" name="expMonth" inputMode="numeric" autoComplete="cc-exp-month" required defaultValue="12" error={fieldProblem(problem, 'card.expMonth')} /></div>
        <div className="grid-col-4"><TextField label="Year" name="expYear" inputMode="numeric" autoComplete="cc-exp-year" required defaultValue={String(new Date().getFullYear() + 2)} error={fieldProblem(problem, 'card.expYear')} /></div>
        <div className="grid-col-4"><TextField label="CVC" name="cvc" inputMode="numeric" autoComplete="cc-csc" required error={fieldProblem(problem, 'card.cvc')} /></div>
      </div>
      <button className="usa-button" type="submit" disabled={busy}>{busy ? 'Paying…' : `${label} ${dollars(amountCents)}`}</button>
    </form>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import type { Problem } from '../../api/problems';
import type { Renewal } from '../../api/types';
import { ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';

/** Renewals sampled for audit: the PDPs claimed, approve or deny with a reason. */
export function RenewalAudits() {
  const [renewals, setRenewals] = useState<Renewal[]>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const reload = useCallback(async () => {
    const r = await call(api.GET('/review/renewals'));
    if (r.ok) setRenewals(r.data.renewals);
    else setProblem(r.problem);
  }, []);
  useEffect(() => void reload(), [reload]);
  const decide = async (renewalNumber: string, action: 'approve' | 'deny') => {
    const body = action === 'approve' ? { action } : { action, reason: reasons[renewalNumber] ?? '' };
    const r = await call(api.POST('/renewals/{renewalNumber}/decisions', { params: { path: { renewalNumber } }, body }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    await reload();
  };
  return (
    <Page title="Renewals sampled for audit">
      <ProblemAlert problem={problem} />
      {renewals?.length === 0 && <p>No renewals are waiting for an audit.</p>}
      {renewals?.map((r) => (
        <section key={r.renewalNumber} className="usa-summary-box margin-y-2" aria-labelledby={`r-${r.renewalNumber}`}>
          <div className="usa-summary-box__body">
            <h2 className="usa-summary-box__heading" id={`r-${r.renewalNumber}`}>{r.renewalNumber}: licenses {r.licenseNumbers.join(', ')}</h2>
            <ul className="usa-list">{Object.entries(r.pdps).map(([k, v]) => <li key={k}>{k}: {v} PDPs</li>)}</ul>
            <button className="usa-button" type="button" onClick={() => decide(r.renewalNumber, 'approve')}>Approve</button>
            <TextField label="Reason for denial" value={reasons[r.renewalNumber] ?? ''} onChange={(e) => setReasons({ ...reasons, [r.renewalNumber]: e.currentTarget.value })} />
            <button className="usa-button usa-button--secondary margin-top-1" type="button" onClick={() => decide(r.renewalNumber, 'deny')}>Deny</button>
          </div>
        </section>
      ))}
    </Page>
  );
}

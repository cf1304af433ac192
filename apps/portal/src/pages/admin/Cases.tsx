import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import type { Problem } from '../../api/problems';
import type { PartialMatchCase } from '../../api/types';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { StatusTag } from '../../components/StatusTag';
import { moment } from '../../format';

const ACTIONS = [
  { action: 'correct-record', label: 'Same person: correct the record' },
  { action: 'different-people', label: 'Different people: keep both' },
  { action: 'reject', label: 'Reject the new profile' },
] as const;

/**
 * Partial-match cases: a new profile conflicts with a record. Directory administrators see their
 * organization's; customer service sees every case (the list the API returns depends on the role).
 */
export function Cases({ title }: { title: string }) {
  const [cases, setCases] = useState<PartialMatchCase[]>();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const reload = useCallback(async () => {
    const r = await call(api.GET('/partial-match-cases'));
    if (r.ok) setCases(r.data.cases);
    else setProblem(r.problem);
  }, []);
  useEffect(() => void reload(), [reload]);
  const decide = async (caseNumber: string, action: (typeof ACTIONS)[number]['action']) => {
    const note = notes[caseNumber];
    const r = await call(api.POST('/partial-match-cases/{caseNumber}/resolution', { params: { path: { caseNumber } }, body: { action, ...(note ? { note } : {}) } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setNotice(`Case ${caseNumber}: decision recorded (${r.data.status}).`);
    await reload();
  };
  return (
    <Page title={title}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ProblemAlert problem={problem} />
      {cases?.length === 0 && <p>No cases.</p>}
      {cases?.map((c) => (
        <section key={c.caseNumber} className="usa-summary-box margin-y-2" aria-labelledby={`case-${c.caseNumber}`}>
          <div className="usa-summary-box__body">
            <h2 className="usa-summary-box__heading" id={`case-${c.caseNumber}`}>Case {c.caseNumber} <StatusTag status={c.status} /></h2>
            <p>{c.reason}</p>
            <p className="font-sans-2xs">Opened {moment(c.createdAt)}{c.resolvedAt ? ` · resolved ${moment(c.resolvedAt)}` : ''}</p>
            {!c.resolvedAt && (
              <>
                <TextField label="Note (optional)" value={notes[c.caseNumber] ?? ''} onChange={(e) => setNotes({ ...notes, [c.caseNumber]: e.currentTarget.value })} />
                <div className="margin-top-1">
                  {ACTIONS.map((a) => (
                    <button key={a.action} className="usa-button usa-button--outline margin-bottom-1" type="button" onClick={() => decide(c.caseNumber, a.action)}>{a.label}<span className="usa-sr-only"> for case {c.caseNumber}</span></button>
                  ))}
                </div>
              </>
            )}
          </div>
        </section>
      ))}
    </Page>
  );
}

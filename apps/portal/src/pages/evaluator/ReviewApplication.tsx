import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem } from '../../api/problems';
import { Alert, ProblemAlert } from '../../components/Alert';
import { Checklist } from '../../components/Checklist';
import { Checkbox, Radio, TextArea, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useApplication } from '../../hooks/useApplication';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { moment } from '../../format';

type Action = 'approve' | 'deny' | 'request-information';

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** One application for an evaluator: documents, checklist, notes, timeline and the decision. */
export function ReviewApplication() {
  const { applicationNumber = '' } = useParams();
  const { app, problem, setProblem, reload } = useApplication(applicationNumber);
  const [action, setAction] = useState<Action>('approve');
  const [done, setDone] = useState<string>();
  const [deciding, setDeciding] = useState(false);
  const path = { params: { path: { applicationNumber } } };

  const claim = async () => {
    const r = await call(api.POST('/applications/{applicationNumber}/claim', path));
    if (!r.ok) return setProblem(r.problem);
    await reload();
  };
  const note = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const r = await call(api.POST('/applications/{applicationNumber}/notes', { ...path, body: { note: String(new FormData(form).get('note') ?? '') } }));
    if (!r.ok) return setProblem(r.problem);
    form.reset();
    await reload();
  };
  const decide = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body =
      action === 'approve' ? { action }
      : action === 'deny' ? { action, reason: String(f.get('reason') ?? '') }
      : { action, missingRequirements: f.getAll('missing').map(String), dueDate: new Date(`${f.get('dueDate')}T23:59:00Z`).toISOString(), letter: String(f.get('letter') ?? '') || undefined };
    setDeciding(true);
    const r = await call(api.POST('/applications/{applicationNumber}/decisions', { ...path, body }));
    setDeciding(false);
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setDone(action === 'approve' ? 'Approved: the license is being issued.' : action === 'deny' ? 'Denied: the educator has been told why.' : 'Letter sent: the educator has been emailed and the application waits for the reply.');
    await reload();
  };

  return (
    <Page title={`Review ${applicationNumber}`}>
      <ProblemAlert problem={problem} />
      {done && <Alert kind="success">{done}</Alert>}
      {app && (
        <div className="grid-row grid-gap-4">
          <div className="desktop:grid-col-7">
            <p>Status: <StatusTag status={app.status} /> · MEPID {app.mepid}{app.submittedAt ? ` · submitted ${moment(app.submittedAt)}` : ''}</p>
            {app.status === 'Ready for Review' && <button className="usa-button" type="button" onClick={claim}>Claim this application</button>}
            <h2>Documents</h2>
            {app.documents.length === 0 ? <p>None uploaded.</p> : (
              <ul className="usa-list">
                {app.documents.map((d) => (
                  <li key={d.id}><a href={`/api/v1/applications/${applicationNumber}/documents/${d.id}`} download>{d.displayName}</a> ({d.contentType}, {Math.ceil(d.sizeBytes / 1024)} KB)</li>
                ))}
              </ul>
            )}
            <h2>Checklist</h2>
            <Checklist items={app.checklist} />
            <h2>Timeline and notes</h2>
            <Timeline events={app.timeline} />
            <form className="usa-form" onSubmit={note} noValidate>
              <TextArea label="Internal note (never shown to the educator)" name="note" required error={fieldProblem(problem, 'note')} />
              <button className="usa-button usa-button--outline" type="submit">Add note</button>
            </form>
          </div>
          <div className="desktop:grid-col-5">
            <h2>Decision</h2>
            {app.status !== 'Under Review' ? <p>Claim the application to decide it. Decisions are possible while it is Under Review.</p> : (
              <form className="usa-form" onSubmit={decide} noValidate>
                <fieldset className="usa-fieldset">
                  <legend className="usa-legend">Decision</legend>
                  <Radio name="action" value="approve" label="Approve and issue" checked={action === 'approve'} onChange={() => setAction('approve')} />
                  <Radio name="action" value="deny" label="Deny" checked={action === 'deny'} onChange={() => setAction('deny')} />
                  <Radio name="action" value="request-information" label="Request information" checked={action === 'request-information'} onChange={() => setAction('request-information')} />
                </fieldset>
                {action === 'deny' && <TextArea label="Reason (sent to the educator)" name="reason" required error={fieldProblem(problem, 'reason')} />}
                {action === 'request-information' && (
                  <>
                    <fieldset className="usa-fieldset margin-top-2">
                      <legend className="usa-legend">What is missing</legend>
                      {app.checklist.map((c) => <Checkbox key={c.id} name="missing" value={c.id} label={c.name} />)}
                      {fieldProblem(problem, 'missingRequirements') && <span className="usa-error-message" role="alert">Choose at least one requirement.</span>}
                    </fieldset>
                    <TextField label="Answer due by" name="dueDate" type="date" required defaultValue={inTwoWeeks()} error={fieldProblem(problem, 'dueDate')} />
                    <TextArea label="Letter to the educator" name="letter" hint="Optional: the missing items are listed for you." />
                  </>
                )}
                <button className="usa-button margin-top-2" type="submit" disabled={deciding}>{deciding ? 'Recording the decision…' : 'Record decision'}</button>
              </form>
            )}
          </div>
        </div>
      )}
    </Page>
  );
}

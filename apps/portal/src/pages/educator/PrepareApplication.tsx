import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { Alert, ProblemAlert } from '../../components/Alert';
import { Checklist } from '../../components/Checklist';
import { Page } from '../../components/Page';
import { useApplication } from '../../hooks/useApplication';
import { PaymentForm } from '../../components/PaymentForm';
import { UploadField } from '../../components/UploadField';

/** Steps 2-4 of applying: meet the checklist with uploads, pay the fee, submit for review. */
export function PrepareApplication() {
  const { applicationNumber = '' } = useParams();
  const navigate = useNavigate();
  const { app, problem, setProblem, reload } = useApplication(applicationNumber);
  const submit = async () => {
    const r = await call(api.POST('/applications/{applicationNumber}/submit', { params: { path: { applicationNumber } } }));
    if (!r.ok) return setProblem(r.problem);
    navigate(`/applications/${applicationNumber}?submitted=1`);
  };
  const unmet = app?.checklist.filter((c) => !c.met) ?? [];
  return (
    <Page title={`Application ${applicationNumber}`} lead="Upload a document for each requirement, pay the fee, then submit.">
      <ProblemAlert problem={problem} />
      {app && (
        <>
          <h2>1. Requirements</h2>
          <Checklist items={app.checklist} />
          {app.checklist.map((c) => (
            <UploadField key={c.id} applicationNumber={applicationNumber} requirement={c} onUploaded={reload} />
          ))}
          <h2>2. Payment</h2>
          {app.paid ? (
            <Alert kind="success">The fee is paid. You will not be charged again.</Alert>
          ) : (
            <PaymentForm
              amountCents={app.feeCents}
              pay={(card, idempotencyKey) => call(api.POST('/applications/{applicationNumber}/payments', { params: { path: { applicationNumber } }, body: { idempotencyKey, card } }))}
              onPaid={reload}
            />
          )}
          <h2>3. Submit</h2>
          {unmet.length > 0 && <p>Still missing: {unmet.map((u) => u.name).join('; ')}.</p>}
          <button className="usa-button" type="button" onClick={submit} disabled={!app.paid || unmet.length > 0 || app.status !== 'Not Ready' && app.status !== 'Pending'}>
            Submit application
          </button>
        </>
      )}
    </Page>
  );
}

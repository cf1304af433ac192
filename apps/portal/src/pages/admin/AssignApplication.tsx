import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';

/** Customer service: hand an application to another evaluator. */
export function AssignApplication() {
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const assign = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const applicationNumber = String(f.get('applicationNumber') ?? '').trim();
    const r = await call(api.POST('/applications/{applicationNumber}/assign', { params: { path: { applicationNumber } }, body: { evaluatorId: String(f.get('evaluatorId') ?? '').trim() } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setNotice(`${applicationNumber} is now assigned (${r.data.status}).`);
  };
  return (
    <Page title="Assign an application">
      {notice && <Alert kind="success">{notice}</Alert>}
      <ProblemAlert problem={problem} />
      <form className="usa-form" onSubmit={assign} noValidate>
        <TextField label="Application number" name="applicationNumber" hint="Like A-2026-000123" required error={fieldProblem(problem, 'applicationNumber')} />
        <TextField label="Evaluator id" name="evaluatorId" required error={fieldProblem(problem, 'evaluatorId')} />
        <button className="usa-button" type="submit">Assign</button>
      </form>
    </Page>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import type { StaffMember } from '../../api/types';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useSession } from '../../session';

function EditStaff({ code, person, onSaved }: { code: string; person: StaffMember; onSaved: (msg: string) => void }) {
  const [problem, setProblem] = useState<Problem>();
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = { firstName: String(f.get('firstName')), lastName: String(f.get('lastName')), ...(f.get('email') ? { email: String(f.get('email')) } : {}) };
    const r = await call(api.PATCH('/organizations/{code}/staff/{mepid}', { params: { path: { code, mepid: person.mepid } }, body }));
    if (!r.ok) return setProblem(r.problem);
    onSaved(`Saved ${body.firstName} ${body.lastName}.`);
  };
  return (
    <form className="usa-form" onSubmit={save} noValidate aria-label={`Edit ${person.firstName} ${person.lastName}`}>
      <ProblemAlert problem={problem} />
      <TextField label="First name" name="firstName" defaultValue={person.firstName} error={fieldProblem(problem, 'firstName')} />
      <TextField label="Last name" name="lastName" defaultValue={person.lastName} error={fieldProblem(problem, 'lastName')} />
      <TextField label="Email" name="email" type="email" defaultValue={person.email ?? ''} error={fieldProblem(problem, 'email')} />
      <button className="usa-button" type="submit">Save</button>
    </form>
  );
}

/** The organization's staff directory: add, edit, and email a temporary password. */
export function Staff() {
  const { me } = useSession();
  const code = me?.organization?.code ?? '';
  const [staff, setStaff] = useState<StaffMember[]>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const reload = useCallback(async () => {
    if (!code) return;
    const r = await call(api.GET('/organizations/{code}/staff', { params: { path: { code } } }));
    if (r.ok) setStaff(r.data.staff);
    else setProblem(r.problem);
  }, [code]);
  useEffect(() => void reload(), [reload]);
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = { firstName: String(f.get('firstName')), lastName: String(f.get('lastName')), dateOfBirth: String(f.get('dateOfBirth')), ssnLast4: String(f.get('ssnLast4')), ...(f.get('email') ? { email: String(f.get('email')) } : {}) };
    const r = await call(api.POST('/organizations/{code}/staff', { params: { path: { code } }, body }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    // 202: the person may already have a record in another organization; customer service links it (which one is never said).
    setNotice('mepid' in r.data
      ? `Added ${body.firstName} ${body.lastName} (MEPID ${r.data.mepid}). They can now create their profile and receive a user name.`
      : r.data.message);
    form.reset();
    await reload();
  };
  const resetPassword = async (person: StaffMember) => {
    const r = await call(api.POST('/organizations/{code}/staff/{mepid}/password-reset', { params: { path: { code, mepid: person.mepid } } }));
    if (!r.ok) return setProblem(r.problem);
    setNotice(`A temporary password was emailed to ${person.firstName} ${person.lastName}. They must choose a new one when they sign in.`);
  };
  return (
    <Page title={`Staff directory${me?.organization ? `: ${me.organization.name}` : ''}`}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ProblemAlert problem={problem} />
      {staff && (
        <table className="usa-table usa-table--stacked width-full">
          <caption>{staff.length} people</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">MEPID</th><th scope="col">Account</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {staff.map((p) => (
              <tr key={p.mepid}>
                <th scope="row" data-label="Name">{p.firstName} {p.lastName}{editing === p.mepid && <EditStaff code={code} person={p} onSaved={(m) => { setEditing(undefined); setNotice(m); void reload(); }} />}</th>
                <td data-label="MEPID">{p.mepid}</td>
                <td data-label="Account">{p.hasAccount ? (p.mustChangePassword ? 'Temporary password' : 'Active') : 'Not set up yet'}</td>
                <td data-label="Actions">
                  <button className="usa-button usa-button--unstyled margin-right-2" type="button" aria-expanded={editing === p.mepid} onClick={() => setEditing(editing === p.mepid ? undefined : p.mepid)}>Edit<span className="usa-sr-only"> {p.firstName} {p.lastName}</span></button>
                  {p.hasAccount && <button className="usa-button usa-button--unstyled" type="button" onClick={() => resetPassword(p)}>Email temporary password<span className="usa-sr-only"> to {p.firstName} {p.lastName}</span></button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a staff member</h2>
      <form className="usa-form" onSubmit={add} noValidate>
        <TextField label="First name" name="firstName" required error={fieldProblem(problem, 'firstName')} />
        <TextField label="Last name" name="lastName" required error={fieldProblem(problem, 'lastName')} />
        <TextField label="Date of birth" name="dateOfBirth" type="date" required error={fieldProblem(problem, 'dateOfBirth')} />
        <TextField label="Last 4 digits of the Social Security number" name="ssnLast4" inputMode="numeric" maxLength={4} required error={fieldProblem(problem, 'ssnLast4')} />
        <TextField label="Email (optional)" name="email" type="email" error={fieldProblem(problem, 'email')} />
        <button className="usa-button" type="submit">Add</button>
      </form>
    </Page>
  );
}

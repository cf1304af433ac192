import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useSession } from '../../session';

/** The account summary (MEPID, user name) and a password change, which signs every session out. */
export function Profile() {
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<Problem>();
  const change = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await call(api.POST('/me/password', { body: { currentPassword: String(f.get('currentPassword')), newPassword: String(f.get('newPassword')), newPasswordConfirmation: String(f.get('newPasswordConfirmation')) } }));
    if (!r.ok) return setProblem(r.problem);
    await refresh();
    navigate('/sign-in?changed=1');
  };
  if (!me) return null;
  return (
    <Page title="My profile">
      <dl className="usa-list usa-list--unstyled">
        <dt className="text-bold">Name</dt><dd className="margin-left-0 margin-bottom-1">{[me.firstName, me.middleName, me.lastName].filter(Boolean).join(' ')}</dd>
        <dt className="text-bold">MEPID</dt><dd className="margin-left-0 margin-bottom-1">{me.mepid}</dd>
        <dt className="text-bold">User name</dt><dd className="margin-left-0 margin-bottom-1">{me.username}</dd>
        <dt className="text-bold">Email</dt><dd className="margin-left-0 margin-bottom-1">{me.email ?? 'none on file'}</dd>
        {me.organization && <><dt className="text-bold">Organization</dt><dd className="margin-left-0 margin-bottom-1">{me.organization.name}</dd></>}
      </dl>
      <h2>Change password</h2>
      {params.get('mustChange') && <Alert kind="warning">Your password was reset by an administrator. Choose a new one to continue.</Alert>}
      <ProblemAlert problem={problem} />
      <form className="usa-form" onSubmit={change} noValidate>
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldProblem(problem, 'currentPassword')} />
        <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 6 letters and digits; not one you used before." error={fieldProblem(problem, 'newPassword')} />
        <TextField label="New password again" name="newPasswordConfirmation" type="password" autoComplete="new-password" required error={fieldProblem(problem, 'newPasswordConfirmation')} />
        <button className="usa-button" type="submit">Change password</button>
      </form>
    </Page>
  );
}

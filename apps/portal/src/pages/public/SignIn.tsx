import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import { ProblemAlert, Alert } from '../../components/Alert';
import { Checkbox, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { homeFor, useSession } from '../../session';

interface Challenge { challengeId: string; sentTo: string; expiresAt: string }
interface Signed { mustChangePassword: boolean; profile: { role: string } }

/**
 * Sign in: user name and password, then (when the system asks) the 6-digit code emailed to the
 * address on file. The gateway keeps the session in an httpOnly cookie; this page never sees a token.
 */
export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { refresh } = useSession();
  const [problem, setProblem] = useState<Problem>();
  const [challenge, setChallenge] = useState<Challenge>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const done = async (result: Signed) => {
    await refresh();
    navigate(result.mustChangePassword ? '/profile?mustChange=1' : params.get('next') ?? homeFor(result.profile.role), { replace: true });
  };

  const signIn = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const r = await call(api.POST('/auth/sign-in', { body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') } }));
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    if ('codeRequired' in r.data) return setChallenge(r.data);
    await done(r.data as Signed);
  };

  const verify = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const r = await call(api.POST('/auth/sign-in/verify', { body: { challengeId: challenge!.challengeId, code: String(form.get('code') ?? '').trim(), trustDevice: form.get('trust') === 'on' } }));
    setBusy(false);
    if (!r.ok) {
      if (r.problem.code === 'sign-in-code-expired') setChallenge(undefined);
      return setProblem(r.problem);
    }
    await done(r.data as Signed);
  };

  const resend = async () => {
    const r = await call(api.POST('/auth/sign-in/resend', { body: { challengeId: challenge!.challengeId } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setNotice(`We sent a new code to ${challenge!.sentTo}.`);
  };

  if (challenge) {
    return (
      <Page title="Enter your sign-in code">
        <p>We emailed a 6-digit code to <strong>{challenge.sentTo}</strong>. It works for 15 minutes.</p>
        {notice && <Alert kind="info">{notice}</Alert>}
        <ProblemAlert problem={problem} />
        <form className="usa-form" onSubmit={verify} noValidate>
          <TextField label="Sign-in code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required error={fieldProblem(problem, 'code')} />
          <Checkbox name="trust" label="Trust this browser for 30 days (do not use on a shared computer)" />
          <button className="usa-button" type="submit" disabled={busy}>Continue</button>
          <button className="usa-button usa-button--unstyled margin-top-2" type="button" onClick={resend}>Send me a new code</button>
        </form>
      </Page>
    );
  }

  return (
    <Page title="Sign in">
      <ProblemAlert problem={problem} />
      <form className="usa-form" onSubmit={signIn} noValidate>
        <TextField label="User name" name="username" autoComplete="username" required hint="Case-sensitive. Shown when you created your profile." error={fieldProblem(problem, 'username')} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldProblem(problem, 'password')} />
        <button className="usa-button" type="submit" disabled={busy}>Sign in</button>
      </form>
      <p><Link to="/forgot-username">Forgot user name?</Link> · <Link to="/forgot-password">Forgot password?</Link> · <Link to="/create-profile">Create a profile</Link></p>
    </Page>
  );
}

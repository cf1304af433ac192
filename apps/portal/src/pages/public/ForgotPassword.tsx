import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import { Alert, ProblemAlert } from '../../components/Alert';
import { Radio, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { IdentityFields, identityFrom } from './IdentityFields';

type Step = 'identify' | 'answer' | 'code' | 'done';

function NewPasswordFields({ problem }: { problem?: Problem }) {
  return (
    <>
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 6 letters and digits; not one you used before." error={fieldProblem(problem, 'newPassword')} />
      <TextField label="New password again" name="newPasswordConfirmation" type="password" autoComplete="new-password" required error={fieldProblem(problem, 'newPasswordConfirmation')} />
    </>
  );
}

/** Forgot password: by the hint question, or by a 6-digit code emailed to the address on file. */
export function ForgotPassword() {
  const [method, setMethod] = useState<'code' | 'hint'>('code');
  const [step, setStep] = useState<Step>('identify');
  const [identity, setIdentity] = useState<ReturnType<typeof identityFrom>>();
  const [question, setQuestion] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const fail = (p: Problem) => setProblem(p);

  const identify = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const id = identityFrom(new FormData(e.currentTarget));
    setIdentity(id);
    if (method === 'hint') {
      const r = await call(api.POST('/recovery/hint-question', { body: { identity: id } }));
      if (!r.ok) return fail(r.problem);
      setQuestion(r.data.hintQuestion);
      setStep('answer');
    } else {
      const r = await call(api.POST('/recovery/code', { body: { identity: id } }));
      if (!r.ok) return fail(r.problem);
      setStep('code');
    }
    setProblem(undefined);
  };
  const byHint = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await call(api.POST('/recovery/password', { body: { identity: identity!, hintAnswer: String(f.get('hintAnswer') ?? ''), newPassword: String(f.get('newPassword') ?? ''), newPasswordConfirmation: String(f.get('newPasswordConfirmation') ?? '') } }));
    if (!r.ok) return fail(r.problem);
    setStep('done');
  };
  const byCode = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await call(api.POST('/recovery/code/password', { body: { email: identity!.email, code: String(f.get('code') ?? '').trim(), newPassword: String(f.get('newPassword') ?? ''), newPasswordConfirmation: String(f.get('newPasswordConfirmation') ?? '') } }));
    if (!r.ok) return fail(r.problem);
    setStep('done');
  };

  return (
    <Page title="Reset your password">
      <ProblemAlert problem={problem} />
      {step === 'identify' && (
        <form className="usa-form" onSubmit={identify} noValidate>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">How do you want to reset it?</legend>
            <Radio name="method" value="code" label="Email me a 6-digit code" checked={method === 'code'} onChange={() => setMethod('code')} />
            <Radio name="method" value="hint" label="Answer my hint question" checked={method === 'hint'} onChange={() => setMethod('hint')} />
          </fieldset>
          <IdentityFields problem={problem} />
          <button className="usa-button" type="submit">Continue</button>
        </form>
      )}
      {step === 'answer' && (
        <form className="usa-form" onSubmit={byHint} noValidate>
          <TextField label={question ?? 'Hint answer'} name="hintAnswer" required error={fieldProblem(problem, 'hintAnswer')} hint="Your answer to the hint question you chose." />
          <NewPasswordFields problem={problem} />
          <button className="usa-button" type="submit">Set new password</button>
        </form>
      )}
      {step === 'code' && (
        <form className="usa-form" onSubmit={byCode} noValidate>
          <Alert kind="info">If the details match a profile, we emailed a 6-digit code to {identity?.email}. It works once, for 15 minutes.</Alert>
          <TextField label="Code from the email" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={fieldProblem(problem, 'code')} />
          <NewPasswordFields problem={problem} />
          <button className="usa-button" type="submit">Set new password</button>
        </form>
      )}
      {step === 'done' && (
        <Alert kind="success" heading="Your password was changed">
          <p>We emailed you a notice. <Link to="/sign-in">Sign in with your new password</Link>.</p>
        </Alert>
      )}
    </Page>
  );
}

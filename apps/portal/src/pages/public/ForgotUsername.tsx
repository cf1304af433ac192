import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { IdentityFields, identityFrom } from './IdentityFields';

/** Forgot user name: prove who you are, answer your hint question, see your user name. */
export function ForgotUsername() {
  const [identity, setIdentity] = useState<ReturnType<typeof identityFrom>>();
  const [question, setQuestion] = useState<string>();
  const [username, setUsername] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const ask = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const id = identityFrom(new FormData(e.currentTarget));
    const r = await call(api.POST('/recovery/hint-question', { body: { identity: id } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setIdentity(id);
    setQuestion(r.data.hintQuestion);
  };
  const answer = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const r = await call(api.POST('/recovery/username', { body: { identity: identity!, hintAnswer: String(new FormData(e.currentTarget).get('hintAnswer') ?? '') } }));
    if (!r.ok) return setProblem(r.problem);
    setUsername(r.data.username);
  };
  return (
    <Page title="Forgot your user name">
      <ProblemAlert problem={problem} />
      {username ? (
        <Alert kind="success" heading="Your user name">
          <p><strong>{username}</strong> (case-sensitive). <Link to="/sign-in">Sign in</Link></p>
        </Alert>
      ) : question ? (
        <form className="usa-form" onSubmit={answer} noValidate>
          <TextField label={question} name="hintAnswer" required error={fieldProblem(problem, 'hintAnswer')} hint="Your answer to the hint question you chose." />
          <button className="usa-button" type="submit">Show my user name</button>
        </form>
      ) : (
        <form className="usa-form" onSubmit={ask} noValidate>
          <IdentityFields problem={problem} />
          <button className="usa-button" type="submit">Continue</button>
        </form>
      )}
    </Page>
  );
}

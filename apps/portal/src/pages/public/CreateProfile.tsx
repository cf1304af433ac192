import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import type { Draft, ProfileOutcome } from '../../api/types';
import { Alert, ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';

const PAGES = [
  { id: 'identity', title: 'About you' },
  { id: 'contact', title: 'How to reach you' },
  { id: 'background', title: 'Your background' },
  { id: 'credentials', title: 'Your password' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

const list = (v: FormDataEntryValue | null) => String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const opt = (v: FormDataEntryValue | null) => (String(v ?? '').trim() ? String(v).trim() : undefined);

function bodyFor(page: PageId, f: FormData) {
  switch (page) {
    case 'identity':
      return { firstName: String(f.get('firstName') ?? ''), middleName: opt(f.get('middleName')), lastName: String(f.get('lastName') ?? ''), priorNames: list(f.get('priorNames')), dateOfBirth: String(f.get('dateOfBirth') ?? ''), ssnLast4: String(f.get('ssnLast4') ?? '') };
    case 'contact':
      return { email: String(f.get('email') ?? ''), phone: opt(f.get('phone')), address: { line1: String(f.get('line1') ?? ''), line2: opt(f.get('line2')), city: String(f.get('city') ?? ''), state: String(f.get('state') ?? '').toUpperCase(), postalCode: String(f.get('postalCode') ?? '') } };
    case 'background':
      return { organizationCodes: list(f.get('organizationCodes')).map((s) => s.toUpperCase()), priorLicenseNumbers: list(f.get('priorLicenseNumbers')) };
    case 'credentials':
      return { password: String(f.get('password') ?? ''), passwordConfirmation: String(f.get('passwordConfirmation') ?? ''), hintQuestion: String(f.get('hintQuestion') ?? ''), hintAnswer: String(f.get('hintAnswer') ?? '') };
  }
}

const val = (o: Record<string, unknown> | null | undefined, k: string) => (o && typeof o[k] === 'string' ? (o[k] as string) : Array.isArray(o?.[k]) ? (o[k] as string[]).join(', ') : '');

function Fields({ page, draft, problem }: { page: PageId; draft: Draft; problem?: Problem }) {
  const e = (k: string) => fieldProblem(problem, k);
  const addr = (draft.contact?.address ?? null) as Record<string, unknown> | null;
  switch (page) {
    case 'identity':
      return (
        <>
          <TextField label="First name" name="firstName" autoComplete="given-name" required defaultValue={val(draft.identity, 'firstName')} error={e('firstName')} />
          <TextField label="Middle name (optional)" name="middleName" autoComplete="additional-name" defaultValue={val(draft.identity, 'middleName')} error={e('middleName')} />
          <TextField label="Last name" name="lastName" autoComplete="family-name" required defaultValue={val(draft.identity, 'lastName')} error={e('lastName')} />
          <TextField label="Prior names (optional)" name="priorNames" hint="Separate several with commas." defaultValue={val(draft.identity, 'priorNames')} error={e('priorNames')} />
          <TextField label="Date of birth" name="dateOfBirth" type="date" autoComplete="bday" required error={e('dateOfBirth')} hint={draft.completedPages.includes('identity') ? 'For your privacy we do not show it again: enter it once more.' : undefined} />
          <TextField label="Last 4 digits of your Social Security number" name="ssnLast4" inputMode="numeric" maxLength={4} required error={e('ssnLast4')} />
        </>
      );
    case 'contact':
      return (
        <>
          <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={val(draft.contact, 'email')} error={e('email')} />
          <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={val(draft.contact, 'phone')} error={e('phone')} />
          <TextField label="Street address" name="line1" autoComplete="address-line1" required defaultValue={val(addr, 'line1')} error={e('address.line1')} />
          <TextField label="Apartment, suite (optional)" name="line2" autoComplete="address-line2" defaultValue={val(addr, 'line2')} error={e('address.line2')} />
          <TextField label="City" name="city" autoComplete="address-level2" required defaultValue={val(addr, 'city')} error={e('address.city')} />
          <TextField label="State (two letters)" name="state" autoComplete="address-level1" maxLength={2} required defaultValue={val(addr, 'state') || 'MA'} error={e('address.state')} />
          <TextField label="ZIP code" name="postalCode" autoComplete="postal-code" required defaultValue={val(addr, 'postalCode')} error={e('address.postalCode')} />
        </>
      );
    case 'background':
      return (
        <>
          <TextField label="Massachusetts schools or districts you worked for (optional)" name="organizationCodes" hint="Organization codes, separated by commas, for example MALDEN-PS." defaultValue={val(draft.background, 'organizationCodes')} error={e('organizationCodes')} />
          <TextField label="Prior license numbers (optional)" name="priorLicenseNumbers" hint="Separate several with commas." defaultValue={val(draft.background, 'priorLicenseNumbers')} error={e('priorLicenseNumbers')} />
        </>
      );
    case 'credentials':
      return (
        <>
          <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 6 characters, letters and digits; case-sensitive." error={e('password')} />
          <TextField label="Password again" name="passwordConfirmation" type="password" autoComplete="new-password" required error={e('passwordConfirmation')} />
          <TextField label="Hint question" name="hintQuestion" required defaultValue={draft.credentials?.hintQuestion ?? ''} hint="Used to recover your user name or password." error={e('hintQuestion')} />
          <TextField label="Hint answer" name="hintAnswer" required error={e('hintAnswer')} />
        </>
      );
  }
}

/** What happens next for each of the four outcomes, in plain words. */
function Outcome({ outcome }: { outcome: ProfileOutcome }) {
  switch (outcome.outcome) {
    case 'new-profile':
      return (
        <Alert kind="success" heading="Your profile is ready">
          <p>Your MEPID is <strong>{outcome.mepid}</strong> and your user name is <strong data-testid="new-username">{outcome.username}</strong>. Write the user name down: it cannot be changed.</p>
          <p><Link to="/sign-in">Sign in now</Link></p>
        </Alert>
      );
    case 'pre-existing-completed':
      return (
        <Alert kind="success" heading="We found the record your school or DESE made for you">
          <p>We completed it with your details. Your user name is <strong data-testid="new-username">{outcome.username}</strong>{outcome.mepid ? <> and your MEPID is <strong>{outcome.mepid}</strong></> : null}.</p>
          <p><Link to="/sign-in">Sign in now</Link></p>
        </Alert>
      );
    case 'exact-match':
      return (
        <Alert kind="info" heading="You already have a profile">
          <p>We emailed your user name to the address on file. If you forgot your password, <Link to="/forgot-password">reset it here</Link>.</p>
        </Alert>
      );
    case 'partial-match':
      return (
        <Alert kind="warning" heading="We need to check your details">
          <p>Your details are close to, but not the same as, a record we already have. Your case number is <strong data-testid="case-number">{outcome.caseNumber}</strong>.</p>
          <p>Your school's directory administrator has been asked to review it (DESE customer service takes over if they have not within 5 business days). We will email you when it is resolved. Keep the case number if you contact us.</p>
        </Alert>
      );
  }
}

/** Create a profile: four pages saved as a draft on the server, resumable from this page's address. */
export function CreateProfile() {
  const { token, page } = useParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>();
  const [problem, setProblem] = useState<Problem>();
  const [outcome, setOutcome] = useState<ProfileOutcome>();

  const start = useCallback(async () => {
    const r = await call(api.POST('/profile-drafts'));
    if (!r.ok) return setProblem(r.problem);
    navigate(`/create-profile/${r.data.draftToken}/identity`, { replace: true });
  }, [navigate]);

  useEffect(() => {
    if (!token) return;
    void (async () => {
      const r = await call(api.GET('/profile-drafts/{token}', { params: { path: { token } } }));
      if (!r.ok) return setProblem(r.problem);
      setDraft(r.data);
      if (!page) navigate(`/create-profile/${token}/${PAGES.find((p) => !r.data.completedPages.includes(p.id))?.id ?? 'review'}`, { replace: true });
    })();
  }, [token, page, navigate]);

  if (!token) {
    return (
      <Page title="Create your educator profile" lead="Four short pages. Your answers are saved after each page, and you can come back to finish within 30 days.">
        <ProblemAlert problem={problem} />
        <button className="usa-button" type="button" onClick={start}>Start</button>
        <p>Already have a profile? <Link to="/sign-in">Sign in</Link> or <Link to="/forgot-username">find your user name</Link>.</p>
      </Page>
    );
  }

  const index = PAGES.findIndex((p) => p.id === page);
  const resumeLink = `${window.location.origin}/create-profile/${token}`;

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const current = PAGES[index]!.id;
    const body = bodyFor(current, new FormData(e.currentTarget));
    const r = await call(api.PUT(`/profile-drafts/{token}/pages/${current}` as '/profile-drafts/{token}/pages/identity', { params: { path: { token } }, body: body as never }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setDraft(r.data);
    navigate(`/create-profile/${token}/${PAGES[index + 1]?.id ?? 'review'}`);
  };

  const submit = async () => {
    const r = await call(api.POST('/profile-drafts/{token}/submit', { params: { path: { token } } }));
    if (!r.ok) return setProblem(r.problem);
    setOutcome(r.data);
  };

  if (outcome) return <Page title="Profile submitted"><Outcome outcome={outcome} /></Page>;
  return (
    <Page title={index >= 0 ? `Step ${index + 1} of 4: ${PAGES[index]!.title}` : 'Check and submit'}>
      <div className="usa-step-indicator usa-step-indicator--counters-sm" aria-label="Progress">
        <ol className="usa-step-indicator__segments">
          {PAGES.map((p, i) => {
            const state = draft?.completedPages.includes(p.id) ? 'complete' : i === index ? 'current' : '';
            return (
              <li key={p.id} className={`usa-step-indicator__segment${state ? ` usa-step-indicator__segment--${state}` : ''}`} aria-current={i === index ? 'step' : undefined}>
                <span className="usa-step-indicator__segment-label">{p.title}{state === 'complete' && <span className="usa-sr-only"> completed</span>}</span>
              </li>
            );
          })}
        </ol>
      </div>
      <Alert kind="info">Your answers are saved after each page. To finish later, keep this address: <span className="text-no-wrap">{resumeLink}</span></Alert>
      <ProblemAlert problem={problem} />
      {draft && index >= 0 && (
        <form key={page} className="usa-form" onSubmit={save} noValidate>
          <Fields page={PAGES[index]!.id} draft={draft} problem={problem} />
          <div className="margin-top-3">
            {index > 0 && <Link className="usa-button usa-button--outline" to={`/create-profile/${token}/${PAGES[index - 1]!.id}`}>Back</Link>}
            <button className="usa-button" type="submit">Save and continue</button>
          </div>
        </form>
      )}
      {draft && index < 0 && (
        <>
          <p>All four pages are saved. Submit to create your profile; we check whether you already have a record with DESE.</p>
          <ul className="usa-list">{PAGES.map((p) => <li key={p.id}>{p.title}: {draft.completedPages.includes(p.id) ? 'done' : <Link to={`/create-profile/${token}/${p.id}`}>not finished</Link>}</li>)}</ul>
          <button className="usa-button" type="button" onClick={submit} disabled={draft.completedPages.length < 4}>Submit profile</button>
        </>
      )}
    </Page>
  );
}

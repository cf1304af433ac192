import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { nameOf, useCatalog } from '../../api/catalog';
import { fieldProblem, type Problem } from '../../api/problems';
import type { License, Renewal as RenewalView } from '../../api/types';
import { Alert, ProblemAlert } from '../../components/Alert';
import { Checkbox, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { PaymentForm } from '../../components/PaymentForm';
import { StatusTag } from '../../components/StatusTag';
import { day } from '../../format';

/** Renewing Professional licenses: PDPs per category, the attestation, then the fee. */
export function Renewal() {
  const catalog = useCatalog();
  const [licenses, setLicenses] = useState<License[]>([]);
  const [renewals, setRenewals] = useState<RenewalView[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const reload = useCallback(async () => {
    const [l, r] = await Promise.all([call(api.GET('/licenses/mine')), call(api.GET('/renewals'))]);
    if (l.ok) setLicenses(l.data.licenses);
    if (r.ok) setRenewals(r.data.renewals);
  }, []);
  useEffect(() => void reload(), [reload]);
  const renewable = licenses.filter((l) => catalog?.renewal.licenseTypes.includes(l.licenseType ?? ''));
  const unpaid = renewals.find((r) => !r.paid && r.status === 'Draft');
  const start = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const pdps = Object.fromEntries((catalog?.renewal.pdp.categories ?? []).map((c) => [c.id, Number(f.get(`pdp-${c.id}`) || 0)]));
    if (f.get('attestation') !== 'on') return setProblem({ status: 400, code: 'attestation-required', message: 'Check the attestation box to continue.', fields: {} });
    const r = await call(api.POST('/renewals', { body: { licenseNumbers: f.getAll('license').map(String), pdps, attestation: true } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    await reload();
  };
  const pdp = catalog?.renewal.pdp;
  return (
    <Page title="Renew a license" lead={pdp ? `Renewing needs ${pdp.primary} professional development points (PDPs) for your primary license, ${pdp.perAdditional} for each additional one, and at least the minimum in each category.` : undefined}>
      <ProblemAlert problem={problem} />
      {unpaid ? (
        <>
          <Alert kind="info">Renewal {unpaid.renewalNumber} is ready. Pay the fee to finish.</Alert>
          <PaymentForm amountCents={unpaid.feeCents} label="Pay renewal fee"
            pay={(card, idempotencyKey) => call(api.POST('/renewals/{renewalNumber}/payments', { params: { path: { renewalNumber: unpaid.renewalNumber } }, body: { idempotencyKey, card } }))}
            onPaid={reload} />
        </>
      ) : renewable.length === 0 ? (
        <p>You have no Professional license to renew.</p>
      ) : (
        <form className="usa-form" onSubmit={start} noValidate>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">Licenses to renew (the first is your primary license)</legend>
            {renewable.map((l) => <Checkbox key={l.licenseNumber} name="license" value={l.licenseNumber} label={`${l.licenseNumber}: ${nameOf(catalog?.fields, l.field)} (expires ${day(l.expiresAt)})`} />)}
          </fieldset>
          <fieldset className="usa-fieldset margin-top-2">
            <legend className="usa-legend">PDPs earned, per category</legend>
            {pdp?.categories.map((c) => (
              <TextField key={c.id} label={c.name} name={`pdp-${c.id}`} type="number" min={0} hint={`At least ${c.minimum}.`} error={fieldProblem(problem, `pdps.${c.id}`)} />
            ))}
          </fieldset>
          <Checkbox name="attestation" label="I attest that I earned these PDPs under my Individual Professional Development Plan. DESE may audit a sample of renewals." />
          <button className="usa-button margin-top-2" type="submit">Continue to payment</button>
        </form>
      )}
      <h2>My renewals</h2>
      {renewals.length === 0 ? <p>None yet.</p> : (
        <ul className="usa-list">
          {renewals.map((r) => (
            <li key={r.renewalNumber}>
              {r.renewalNumber}: <StatusTag status={r.status} /> {r.result?.map((x) => `${x.licenseNumber} now expires ${day(x.expiresAt)}`).join('; ')}
              {r.status === 'Under Review' && ' (selected for an audit: an evaluator is checking it)'}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { fieldProblem, type Problem } from '../../api/problems';
import type { PublicLicense } from '../../api/types';
import { ProblemAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { StatusTag } from '../../components/StatusTag';
import { day } from '../../format';

/** Public license lookup by name, license number or a certificate's verification code. */
export function Lookup() {
  const [results, setResults] = useState<PublicLicense[]>();
  const [problem, setProblem] = useState<Problem>();
  const search = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const q = (k: string) => String(f.get(k) ?? '').trim() || undefined;
    const query = { name: q('name'), licenseNumber: q('licenseNumber'), verificationCode: q('verificationCode') };
    if (!query.name && !query.licenseNumber && !query.verificationCode) {
      return setProblem({ status: 400, code: 'empty', message: 'Enter a name, a license number or a verification code.', fields: {} });
    }
    const r = await call(api.GET('/licenses/lookup', { params: { query } }));
    if (!r.ok) return setProblem(r.problem);
    setProblem(undefined);
    setResults(r.data.licenses);
  };
  return (
    <Page title="Look up a license" lead="Anyone may check a Massachusetts educator license. This lookup is not for hiring decisions.">
      <ProblemAlert problem={problem} />
      <form className="usa-form" onSubmit={search} noValidate>
        <TextField label="Educator name" name="name" error={fieldProblem(problem, 'name')} />
        <TextField label="License number" name="licenseNumber" inputMode="numeric" error={fieldProblem(problem, 'licenseNumber')} />
        <TextField label="Certificate verification code" name="verificationCode" hint="Printed on the certificate, like ABCD-EFGH-JKLM." error={fieldProblem(problem, 'verificationCode')} />
        <button className="usa-button" type="submit">Search</button>
      </form>
      {results && (
        <div aria-live="polite">
          {results.length === 0 ? <p>No license matches.</p> : (
            <table className="usa-table usa-table--stacked width-full">
              <caption>{results.length} found</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">License</th><th scope="col">Field</th><th scope="col">Status</th><th scope="col">Dates</th></tr></thead>
              <tbody>
                {results.map((l) => (
                  <tr key={l.licenseNumber}>
                    <th scope="row" data-label="Name">{l.name}</th>
                    <td data-label="License">{l.license} #{l.licenseNumber}</td>
                    <td data-label="Field">{l.field} {l.gradeLevel ?? ''}</td>
                    <td data-label="Status"><StatusTag status={l.status} /></td>
                    <td data-label="Dates">{day(l.issueDate)}{l.expiresAt ? ` to ${day(l.expiresAt)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Page>
  );
}

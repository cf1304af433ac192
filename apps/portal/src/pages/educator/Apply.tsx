import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { useCatalog } from '../../api/catalog';
import type { Problem } from '../../api/problems';
import { ProblemAlert } from '../../components/Alert';
import { Checkbox, SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { dollars } from '../../format';

/** Step 1 of applying: choose a license (type, field, grade level) and any endorsements from the catalog. */
export function Apply() {
  const catalog = useCatalog();
  const navigate = useNavigate();
  const [fieldId, setFieldId] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const field = catalog?.fields.find((f) => f.id === fieldId);
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const items: ({ kind: 'license'; licenseType: string; field: string; gradeLevel: string } | { kind: 'endorsement'; endorsement: string })[] = [];
    if (f.get('licenseType') && f.get('field')) items.push({ kind: 'license', licenseType: String(f.get('licenseType')), field: String(f.get('field')), gradeLevel: String(f.get('gradeLevel') ?? '') });
    for (const id of f.getAll('endorsement')) items.push({ kind: 'endorsement', endorsement: String(id) });
    const r = await call(api.POST('/applications', { body: { items } }));
    if (!r.ok) return setProblem(r.problem);
    navigate(`/apply/${r.data.applicationNumber}`);
  };
  if (!catalog) return <Page title="Apply for a license"><p role="status">Loading the catalog…</p></Page>;
  return (
    <Page title="Apply for a license" lead={`The first license costs ${dollars(catalog.fees.application.firstCents)}; each additional one ${dollars(catalog.fees.application.additionalCents)}.`}>
      <ProblemAlert problem={problem} />
      <form className="usa-form" onSubmit={create} noValidate>
        <SelectField label="License type" name="licenseType" options={[{ value: '', label: '- Select -' }, ...catalog.licenseTypes.map((t) => ({ value: t.id, label: t.name }))]} />
        <SelectField label="Subject area (field)" name="field" value={fieldId} onChange={(e) => setFieldId(e.currentTarget.value)}
          options={[{ value: '', label: '- Select -' }, ...catalog.fields.map((x) => ({ value: x.id, label: `${x.name} (${catalog.categories.find((c) => c.id === x.category)?.name ?? x.category})` }))]} />
        <SelectField label="Grade level" name="gradeLevel" options={(field?.gradeLevels ?? []).map((g) => ({ value: g, label: g }))} hint={field ? undefined : 'Choose a field first.'} />
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">Endorsements (optional)</legend>
          {catalog.endorsements.map((en) => <Checkbox key={en.id} name="endorsement" value={en.id} label={en.name} />)}
        </fieldset>
        <button className="usa-button margin-top-3" type="submit">Continue to requirements</button>
      </form>
    </Page>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { nameOf, useCatalog } from '../../api/catalog';
import type { Problem } from '../../api/problems';
import type { QueueEntry } from '../../api/types';
import { ProblemAlert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { StatusTag } from '../../components/StatusTag';
import { day } from '../../format';

type Filters = { status?: 'Ready for Review' | 'Under Review' | 'Awaiting Applicant'; licenseType?: string; minAgeDays?: number; maxAgeDays?: number };

/** The review queue in order, with filters; claim an application to review it. */
export function Queue() {
  const catalog = useCatalog();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [queue, setQueue] = useState<QueueEntry[]>();
  const [problem, setProblem] = useState<Problem>();
  const load = useCallback(async (f: Filters) => {
    const r = await call(api.GET('/review/queue', { params: { query: f } }));
    if (r.ok) setQueue(r.data.queue);
    else setProblem(r.problem);
  }, []);
  useEffect(() => void load(filters), [load, filters]);
  const filter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const num = (k: string) => (f.get(k) ? Number(f.get(k)) : undefined);
    setFilters({ status: (f.get('status') || undefined) as Filters['status'], licenseType: String(f.get('licenseType') || '') || undefined, minAgeDays: num('minAgeDays'), maxAgeDays: num('maxAgeDays') });
  };
  const claim = async (applicationNumber: string) => {
    const r = await call(api.POST('/applications/{applicationNumber}/claim', { params: { path: { applicationNumber } } }));
    if (!r.ok) return setProblem(r.problem);
    navigate(`/review/${applicationNumber}`);
  };
  return (
    <Page title="Review queue">
      <form className="usa-form maxw-full grid-row grid-gap-2" onSubmit={filter} aria-label="Filter the queue">
        <div className="tablet:grid-col-3"><SelectField label="Status" name="status" options={[{ value: '', label: 'Any' }, { value: 'Ready for Review', label: 'Ready for Review' }, { value: 'Under Review', label: 'Under Review' }, { value: 'Awaiting Applicant', label: 'Awaiting Applicant' }]} /></div>
        <div className="tablet:grid-col-3"><SelectField label="License type" name="licenseType" options={[{ value: '', label: 'Any' }, ...(catalog?.licenseTypes ?? []).map((t) => ({ value: t.id, label: t.name }))]} /></div>
        <div className="tablet:grid-col-2"><TextField label="Waiting at least (days)" name="minAgeDays" type="number" min={0} /></div>
        <div className="tablet:grid-col-2"><TextField label="Waiting at most (days)" name="maxAgeDays" type="number" min={0} /></div>
        <div className="tablet:grid-col-2 flex-align-self-end"><button className="usa-button" type="submit">Filter</button></div>
      </form>
      <ProblemAlert problem={problem} />
      {queue?.length === 0 && <p>Nothing matches.</p>}
      {queue && queue.length > 0 && (
        <table className="usa-table usa-table--stacked width-full">
          <caption>{queue.length} applications, oldest first</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Application</th><th scope="col">License</th><th scope="col">Status</th><th scope="col">Submitted</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {queue.map((q) => (
              <tr key={q.applicationNumber}>
                <td data-label="#">{q.position}</td>
                <th scope="row" data-label="Application"><Link to={`/review/${q.applicationNumber}`}>{q.applicationNumber}</Link></th>
                <td data-label="License">{nameOf(catalog?.licenseTypes, q.licenseType)}</td>
                <td data-label="Status"><StatusTag status={q.status} /></td>
                <td data-label="Submitted">{day(q.submittedAt)} ({q.ageDays} days)</td>
                <td data-label="Action">
                  {q.status === 'Ready for Review' && !q.assignedEvaluatorId ? (
                    <button className="usa-button usa-button--outline" type="button" onClick={() => claim(q.applicationNumber)} aria-label={`Claim ${q.applicationNumber}`}>Claim</button>
                  ) : q.assignedEvaluatorId ? 'Claimed' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

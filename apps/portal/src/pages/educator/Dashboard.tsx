import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { nameOf, useCatalog } from '../../api/catalog';
import type { ApplicationDetail } from '../../api/types';
import { ProblemAlert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { day, dollars } from '../../format';
import { loadApplication } from '../../hooks/useApplication';
import { LIVE_STATUSES, useLiveStatus } from '../../hooks/useLiveStatus';
import type { Problem } from '../../api/problems';

/** Browsers allow 6 connections per host: at most this many live streams on one page. */
const MAX_STREAMS = 4;

export function ApplicationCard({ initial, live }: { initial: ApplicationDetail; live: boolean }) {
  const catalog = useCatalog();
  const [app, setApp] = useState(initial);
  const reload = useCallback(async () => {
    const r = await loadApplication(app.applicationNumber);
    if (r.ok) setApp(r.data);
  }, [app.applicationNumber]);
  const status = useLiveStatus(app.applicationNumber, app.status, live, () => void reload());
  const openLetters = app.correspondence.filter((c) => c.status === 'open');
  return (
    <li className="usa-card">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <h2 className="usa-card__heading">
            <Link to={app.status === 'Not Ready' ? `/apply/${app.applicationNumber}` : `/applications/${app.applicationNumber}`}>{app.applicationNumber}</Link>{' '}
            <StatusTag status={status} live={live} />
          </h2>
        </div>
        <div className="usa-card__body">
          <p>
            {app.items.map((i) => (i.kind === 'license' ? `${nameOf(catalog?.licenseTypes, i.licenseType)} ${nameOf(catalog?.fields, i.field)} (${i.gradeLevel})` : `${nameOf(catalog?.endorsements, i.field)} endorsement`)).join(', ')}
            {' · '}Fee {dollars(app.feeCents)} {app.paid ? '(paid)' : '(not paid)'}
          </p>
          {app.queue && (
            <p data-testid="queue">
              Place in the review queue: <strong>{app.queue.position}</strong>. Estimated decision by <strong>{day(app.queue.estimatedDecisionDate)}</strong>.
              <span className="usa-hint display-block">{app.queue.basis}</span>
            </p>
          )}
          {openLetters.length > 0 && <p><Link to="/correspondence">You have a letter from your evaluator to answer.</Link></p>}
          <details>
            <summary>Timeline ({app.timeline.length} events)</summary>
            <Timeline events={app.timeline} />
          </details>
        </div>
      </div>
    </li>
  );
}

/** Every application with its live status, queue position, estimated decision date and timeline. */
export function Dashboard() {
  const [apps, setApps] = useState<ApplicationDetail[]>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    void (async () => {
      const list = await call(api.GET('/applications'));
      if (!list.ok) return setProblem(list.problem);
      const details = await Promise.all(list.data.applications.map((a) => loadApplication(a.applicationNumber)));
      setApps(details.flatMap((d) => (d.ok ? [d.data] : [])));
    })();
  }, []);
  let streams = 0;
  return (
    <Page title="My applications">
      <ProblemAlert problem={problem} />
      <p><Link className="usa-button" to="/apply">Start a new application</Link></p>
      {apps === undefined && !problem && <p role="status">Loading your applications…</p>}
      {apps?.length === 0 && <p>You have no applications yet.</p>}
      <ul className="usa-card-group flex-column">
        {apps?.map((a) => {
          const live = LIVE_STATUSES.has(a.status) && streams++ < MAX_STREAMS;
          return <ApplicationCard key={a.applicationNumber} initial={a} live={live} />;
        })}
      </ul>
    </Page>
  );
}

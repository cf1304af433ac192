import { useParams } from 'react-router';
import { ProblemAlert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { useApplication } from '../../hooks/useApplication';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { Checklist } from '../../components/Checklist';
import { LetterCard } from '../../components/LetterCard';
import { day } from '../../format';
import { LIVE_STATUSES, useLiveStatus } from '../../hooks/useLiveStatus';

/** One application: live status, queue estimate, checklist, letters (with reply) and the full timeline. */
export function ApplicationPage() {
  const { applicationNumber = '' } = useParams();
  const { app, problem, reload } = useApplication(applicationNumber);
  const status = useLiveStatus(applicationNumber, app?.status ?? '', !!app && LIVE_STATUSES.has(app.status), () => void reload());
  return (
    <Page title={`Application ${applicationNumber}`}>
      <ProblemAlert problem={problem} />
      {app && (
        <>
          <p>Status: <StatusTag status={status} live /></p>
          {app.queue && <p>Place in the review queue: <strong>{app.queue.position}</strong>. Estimated decision by <strong>{day(app.queue.estimatedDecisionDate)}</strong>.</p>}
          {app.correspondence.map((letter) => (
            <LetterCard key={letter.sequence} applicationNumber={app.applicationNumber} letter={letter} checklist={app.checklist} onChange={reload} />
          ))}
          <h2>Requirements</h2>
          <Checklist items={app.checklist} />
          <h2>Timeline</h2>
          <Timeline events={app.timeline} />
        </>
      )}
    </Page>
  );
}

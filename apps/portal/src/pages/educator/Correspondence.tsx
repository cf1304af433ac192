import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/call';
import type { ApplicationDetail } from '../../api/types';
import { LetterCard } from '../../components/LetterCard';
import { Page } from '../../components/Page';
import { loadApplication } from '../../hooks/useApplication';

/** Every letter from an evaluator, open ones first, each with its uploads and reply. */
export function Correspondence() {
  const [apps, setApps] = useState<ApplicationDetail[]>();
  const reload = useCallback(async () => {
    const list = await call(api.GET('/applications'));
    if (!list.ok) return;
    const details = await Promise.all(list.data.applications.map((a) => loadApplication(a.applicationNumber)));
    setApps(details.flatMap((d) => (d.ok ? [d.data] : [])));
  }, []);
  useEffect(() => void reload(), [reload]);
  const letters = (apps ?? [])
    .flatMap((a) => a.correspondence.map((letter) => ({ app: a, letter })))
    .sort((x, y) => Number(y.letter.status === 'open') - Number(x.letter.status === 'open') || y.letter.dueDate.localeCompare(x.letter.dueDate));
  return (
    <Page title="Correspondence">
      {apps === undefined && <p role="status">Loading your letters…</p>}
      {apps && letters.length === 0 && <p>No letters. When an evaluator needs something from you, the letter appears here and we email you.</p>}
      {letters.map(({ app, letter }) => (
        <div key={`${app.applicationNumber}-${letter.sequence}`}>
          <LetterCard applicationNumber={app.applicationNumber} letter={letter} checklist={app.checklist} onChange={reload} />
          <p><Link to={`/applications/${app.applicationNumber}`}>See application {app.applicationNumber}</Link></p>
        </div>
      ))}
    </Page>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { call } from '../api/call';
import type { Problem } from '../api/problems';
import type { ApplicationDetail } from '../api/types';

export async function loadApplication(applicationNumber: string) {
  return call(api.GET('/applications/{applicationNumber}', { params: { path: { applicationNumber } } }));
}

/** The application named in the page's address, with a reload and the page's current problem. */
export function useApplication(applicationNumber: string) {
  const [app, setApp] = useState<ApplicationDetail>();
  const [problem, setProblem] = useState<Problem>();
  const reload = useCallback(async () => {
    const r = await loadApplication(applicationNumber);
    if (r.ok) setApp(r.data);
    else setProblem(r.problem);
  }, [applicationNumber]);
  useEffect(() => void reload(), [reload]);
  return { app, problem, setProblem, reload };
}

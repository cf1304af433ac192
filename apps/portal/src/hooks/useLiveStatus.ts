import { useEffect, useState } from 'react';

/** Statuses that change without the educator doing anything: worth a live stream. */
export const LIVE_STATUSES = new Set(['Pending', 'Ready for Review', 'Under Review', 'Awaiting Applicant']);

/**
 * The application's status as the server pushes it (Server-Sent Events through the gateway; the
 * session cookie goes along because the stream is same-origin). `onChange` runs after each change.
 */
export function useLiveStatus(applicationNumber: string, initial: string, live: boolean, onChange?: (status: string) => void) {
  const [status, setStatus] = useState(initial);
  useEffect(() => setStatus(initial), [initial]);
  useEffect(() => {
    if (!live) return;
    const source = new EventSource(`/api/v1/applications/${encodeURIComponent(applicationNumber)}/events`);
    source.addEventListener('status', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { status: string; type?: string };
      setStatus(data.status);
      if (data.type !== 'current') onChange?.(data.status);
    });
    return () => source.close();
    // onChange is a callback of the caller; re-subscribing on its identity would drop events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applicationNumber, live]);
  return status;
}

import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session';

/** The first page of a visit keeps the browser's own focus start (so Tab reaches the skip link first). */
let firstPage = true;

/**
 * One page: sets the document title and, after an in-app navigation, moves focus to the heading so a
 * screen reader announces the new page and keyboard users start at its top.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} | ELAR`;
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, [title, location.pathname]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="margin-top-0">{title}</h1>
      {lead && <p className="usa-intro">{lead}</p>}
      {children}
    </>
  );
}

/** Shows the page only to a signed-in person of one of these roles; others go to sign in. */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <p role="status">Loading…</p>;
  if (me === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!roles.includes(me.role)) return <p>Your account cannot open this page.</p>;
  return <>{children}</>;
}

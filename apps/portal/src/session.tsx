import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api/client';
import { call } from './api/call';

export type Me = NonNullable<Awaited<ReturnType<typeof loadMe>>>;

async function loadMe() {
  const r = await call(api.GET('/me'));
  return r.ok ? r.data : null;
}

interface SessionValue {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({ me: undefined, refresh: async () => {}, signOut: async () => {} });

/** Who is signed in, read from GET /me (the session itself is an httpOnly cookie the page never sees). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => setMe(await loadMe()), []);
  const signOut = useCallback(async () => {
    await call(api.POST('/auth/sign-out'));
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ me, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** Where each role starts after signing in. */
export const homeFor = (role: string | undefined) =>
  role === 'evaluator' ? '/review' : role === 'directory-admin' ? '/admin/staff' : role === 'customer-service' ? '/service/cases' : '/dashboard';

/**
 * Remembers for a few seconds whether a session is still active, so the gateway does not call
 * identity on every request. Sign-out on this gateway drops the entry at once; other replicas
 * notice within the TTL.
 */
export function createSessionCache(ttlMs: number, lookup: (sid: string) => Promise<boolean>, maxEntries = 50_000) {
  const entries = new Map<string, { active: boolean; until: number }>();
  return {
    async isActive(sid: string): Promise<boolean> {
      const now = Date.now();
      const hit = entries.get(sid);
      if (hit && hit.until > now) return hit.active;
      const active = await lookup(sid);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(sid, { active, until: now + ttlMs });
      return active;
    },
    forget(sid: string) {
      entries.delete(sid);
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;

/**
 * Remembers for a few seconds whether a session is still active, so the gateway does not call
 * identity on every request. Ended sessions arrive from identity's revocation feed (every replica
 * at once, `revoke`); sign-out on this gateway drops the entry too. Without the feed (identity
 * unreachable), other replicas' revocations are noticed within the TTL.
 */
export function createSessionCache(ttlMs: number, lookup: (sid: string) => Promise<boolean>, maxEntries = 50_000) {
  const entries = new Map<string, { active: boolean; until: number }>();
  const put = (sid: string, active: boolean, until: number) => {
    if (!entries.has(sid) && entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(sid, { active, until });
  };
  return {
    async isActive(sid: string): Promise<boolean> {
      const now = Date.now();
      const hit = entries.get(sid);
      if (hit && hit.until > now) return hit.active;
      const active = await lookup(sid);
      // A revocation that arrived while identity was being asked wins over the (older) answer.
      const meanwhile = entries.get(sid);
      if (meanwhile && !meanwhile.active && meanwhile.until > Date.now()) return false;
      put(sid, active, now + ttlMs);
      return active;
    },
    forget(sid: string) {
      entries.delete(sid);
    },
    /** The session has ended (revocation feed): refused from now on, without asking identity. */
    revoke(sid: string) {
      put(sid, false, Date.now() + Math.max(ttlMs, 60_000));
    },
    /** Some revocations may have been missed (feed reconnected): ask identity again for everything. */
    clear() {
      entries.clear();
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;

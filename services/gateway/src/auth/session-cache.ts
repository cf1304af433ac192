/**
 * Remembers for a few seconds whether a session is still active, so the gateway does not call
 * identity on every request. Ended sessions arrive from identity's revocation feed (every replica
 * at once, `revoke`); sign-out on this gateway drops the entry too. While the feed is down
 * (`feedLive(false)`: identity restarting), nothing is cached: every request asks identity, so a
 * revocation is never missed.
 */
export function createSessionCache(ttlMs: number, lookup: (sid: string) => Promise<boolean>, maxEntries = 50_000) {
  const entries = new Map<string, { active: boolean; until: number }>();
  let live = true;
  const put = (sid: string, active: boolean, until: number) => {
    if (!entries.has(sid) && entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(sid, { active, until });
  };
  return {
    async isActive(sid: string): Promise<boolean> {
      const now = Date.now();
      const hit = entries.get(sid);
      if (hit && hit.until > now && (live || !hit.active)) return hit.active;
      const active = await lookup(sid);
      if (!live) return active;
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
    /** Whether revocations are arriving; while not, sessions are checked with identity on every request. */
    feedLive(isLive: boolean) {
      live = isLive;
      if (!isLive) entries.clear();
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;

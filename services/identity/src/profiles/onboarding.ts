import type { Client } from '@temporalio/client';
import { startProfileOnboarding, type ProfileOnboardingInput } from '@elar/workflows';
import type { Logger } from '@elar/logger';
import type { Db } from '../db/client';

export type Onboarding = ReturnType<typeof createOnboarding>;

/**
 * Starts the onboarding workflow for a profile, once: the workflow id is the MEPID, so a second
 * start is refused by Temporal and counted as done. A start that fails (Temporal down) leaves
 * `onboardingStartedAt` empty, and `reconcile` starts it later: the profile is never left without
 * its welcome.
 */
export function createOnboarding(deps: { db: Db; temporal: Client; logger: Logger }) {
  async function start(input: ProfileOnboardingInput): Promise<boolean> {
    try {
      await startProfileOnboarding(deps.temporal, input);
    } catch (err) {
      deps.logger.warn({ err, mepid: input.mepid }, 'onboarding start deferred');
      return false;
    }
    await deps.db.profile.update({ where: { id: input.profileId }, data: { onboardingStartedAt: new Date() } });
    return true;
  }

  async function reconcile(): Promise<number> {
    const pending = await deps.db.profile.findMany({
      where: { onboardingStartedAt: null, username: { not: null } },
      select: { id: true, mepid: true },
      take: 100,
    });
    let started = 0;
    for (const p of pending) if (await start({ profileId: p.id, mepid: p.mepid })) started++;
    return started;
  }

  return { start, reconcile };
}

import { condition, defineSignal, defineQuery, patched, proxyActivities, setHandler } from '@temporalio/workflow';

/**
 * A small stand-in for a human-paced review, used by the rollout test to ship a workflow change while
 * runs are open: the review waits for three evaluator decisions and records each. Release 2 adds a
 * step (the educator is notified before each decision is recorded), either behind `patched()` or, to
 * show what goes wrong without it, unguarded.
 */
export interface RolloutActivities {
  recordDecision(step: number): Promise<void>;
  notifyEducator(step: number): Promise<void>;
}

export const decide = defineSignal('decide');
export const decisionsQuery = defineQuery<number>('decisions');
export const DECISIONS = 3;
export const NOTIFY_PATCH = 'decision-review-notify-educator';

export type Release = 'release-1' | 'release-2-patched' | 'release-2-unpatched';

const notifies = (release: Release): boolean =>
  release === 'release-2-unpatched' || (release === 'release-2-patched' && patched(NOTIFY_PATCH));

export const decisionReviewOf = (release: Release) =>
  async function decisionReview(): Promise<number> {
    const { recordDecision, notifyEducator } = proxyActivities<RolloutActivities>({ startToCloseTimeout: '10 seconds' });
    let received = 0;
    let recorded = 0;
    setHandler(decide, () => void received++);
    setHandler(decisionsQuery, () => recorded);
    while (recorded < DECISIONS) {
      await condition(() => received > recorded);
      recorded++;
      if (release !== 'release-1' && notifies(release)) await notifyEducator(recorded);
      await recordDecision(recorded);
    }
    return recorded;
  };

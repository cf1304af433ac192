import { log, proxyActivities, setHandler, upsertMemo, workflowInfo } from '@temporalio/workflow';
import type { createNotificationActivities } from '@elar/activities';
import { profileOnboardingStateQuery, type ProfileOnboardingInput, type ProfileOnboardingState } from './contract';
import { SERVICE_CALLS } from '../shared/workflow-helpers';

const { sendNotification } = proxyActivities<ReturnType<typeof createNotificationActivities>>(SERVICE_CALLS);

export async function profileOnboarding(input: ProfileOnboardingInput): Promise<ProfileOnboardingState> {
  let state: ProfileOnboardingState = 'sending-welcome';
  setHandler(profileOnboardingStateQuery, () => state);
  // The key is the business id: a retried activity or a replayed workflow sends one email.
  await sendNotification({
    idempotencyKey: `${workflowInfo().workflowId}:welcome`,
    profileId: input.profileId,
    template: 'welcome',
    data: { mepid: input.mepid },
  });
  state = 'welcomed';
  upsertMemo({ summary: `Profile ${input.mepid} welcomed` });
  log.info('profile welcomed', { mepid: input.mepid });
  return state;
}

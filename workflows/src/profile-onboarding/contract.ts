import { defineQuery } from '@temporalio/workflow';

/** Welcomes a newly created profile. Input carries ids only: the email address stays in identity. */
export interface ProfileOnboardingInput {
  profileId: string;
  mepid: string;
}

export type ProfileOnboardingState = 'sending-welcome' | 'welcomed';

export const profileOnboardingWorkflowId = (mepid: string) => `profile-onboarding:${mepid}`;
export const profileOnboardingStateQuery = defineQuery<ProfileOnboardingState>('profileOnboardingState');

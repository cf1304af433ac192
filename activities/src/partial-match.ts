import { identityInternal } from '@elar/internal-api';
import type { InternalClient, StepInput } from './internal-client';

export type CaseStep = StepInput<typeof identityInternal.notifyCaseOpened>;
export type ApplyResolutionInput = StepInput<typeof identityInternal.applyResolution>;

/** The partial-match process's steps, each a call to identity, which owns the case and its emails. */
export function createPartialMatchActivities(deps: { identity: InternalClient }) {
  return {
    notifyCaseOpened: deps.identity.step(identityInternal.notifyCaseOpened),
    remindAdministrators: deps.identity.step(identityInternal.remindAdministrators),
    escalateCase: deps.identity.step(identityInternal.escalateCase),
    applyResolution: deps.identity.step(identityInternal.applyResolution),
  };
}

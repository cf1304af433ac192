import type { ServiceClient } from '@elar/http';

export interface CaseStep {
  caseNumber: string;
  idempotencyKey: string;
}

export interface ApplyResolutionInput extends CaseStep {
  action: string;
  actorId: string;
  note?: string;
}

/** The partial-match process's steps, each a call to identity, which owns the case and its emails. */
export function createPartialMatchActivities(deps: { identity: ServiceClient }) {
  const step = <I extends CaseStep>(path: string) => async (input: I): Promise<{ ok: true }> => {
    const res = await deps.identity.post<{ ok: true }>(`/internal/partial-match-cases/${encodeURIComponent(input.caseNumber)}/${path}`, input);
    return res.body;
  };
  return {
    notifyCaseOpened: step<CaseStep>('notify-opened'),
    remindAdministrators: step<CaseStep>('remind'),
    escalateCase: step<CaseStep>('escalate'),
    applyResolution: step<ApplyResolutionInput>('apply-resolution'),
  };
}

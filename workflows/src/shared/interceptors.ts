import type { Payload } from '@temporalio/common';
import type {
  ActivityInput, Next, StartChildWorkflowExecutionInput, WorkflowInboundCallsInterceptor, WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { REQUEST_ID_TEMPORAL_HEADER } from '@elar/vocabulary';

/**
 * Workflow interceptors (registered with `interceptors.workflowModules`): the request id header of
 * the start, and then of the latest signal or update, is copied onto every activity and child
 * workflow the workflow schedules, so the activity's service calls carry the same `x-request-id`.
 * The payload is copied as it came (no decoding in the sandbox); headers are not part of the
 * determinism checks, so this never breaks replay.
 */
export const interceptors = (): WorkflowInterceptors => {
  let current: Payload | undefined;
  const remember = (headers: Record<string, Payload>) => {
    const id = headers[REQUEST_ID_TEMPORAL_HEADER];
    if (id) current = id;
  };
  const withId = <T extends { headers: Record<string, Payload> }>(input: T): T =>
    current && !input.headers[REQUEST_ID_TEMPORAL_HEADER]
      ? { ...input, headers: { ...input.headers, [REQUEST_ID_TEMPORAL_HEADER]: current } }
      : input;

  const inbound: WorkflowInboundCallsInterceptor = {
    execute: (input, next) => (remember(input.headers), next(input)),
    handleSignal: (input, next) => (remember(input.headers), next(input)),
    handleUpdate: (input, next) => (remember(input.headers), next(input)),
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) => next(withId(input)),
    startChildWorkflowExecution: (
      input: StartChildWorkflowExecutionInput,
      next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
    ) => next(withId(input)),
  };
  return { inbound: [inbound], outbound: [outbound] };
};

import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, conflict } from '@elar/errors';
import { REFUSALS } from '@elar/vocabulary';

export interface EndedProcess {
  code: string;
  message: string;
}

/**
 * Runs an Update (or a signal) and turns what Temporal answers into the API's errors, by type only:
 * a refusal (an ApplicationFailure from a validator or handler) is 409 with its type as the code,
 * `service-unavailable` is 503; a workflow that has ended (or never started) is 409 `ended.code`;
 * an Update the server could not deliver in time is 503 `update-timed-out`. Anything else is a bug (500).
 */
export async function runUpdate<T>(fn: () => Promise<T>, ended: EndedProcess): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw updateError(err, ended);
  }
}

export function updateError(err: unknown, ended: EndedProcess): unknown {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    const type = cause instanceof ApplicationFailure ? cause.type : undefined;
    const message = cause instanceof ApplicationFailure ? cause.message : 'The process refused this action.';
    if (type === REFUSALS.serviceUnavailable) return new AppError(503, type, message);
    return conflict(type ?? 'action-refused', message);
  }
  if (err instanceof WorkflowNotFoundError) return conflict(ended.code, ended.message);
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new AppError(503, 'update-timed-out', 'The process did not answer in time; nothing may have changed. Try again.');
  }
  return err;
}

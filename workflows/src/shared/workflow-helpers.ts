import { ActivityFailure, ApplicationFailure, TimeoutFailure, type ActivityOptions } from '@temporalio/workflow';
import { REFUSALS } from '@elar/vocabulary';

/**
 * The one way a workflow refuses: a non-retryable ApplicationFailure whose type is a code from
 * REFUSALS (or a service's error code), which services map by type to a 409 with the same code.
 */
export const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/**
 * Steps of a workflow's main loop (status reports, emails, payments, print jobs). A 4xx from the
 * service is non-retryable (the activities' client makes it so) and fails the step at once; a 5xx,
 * timeout or refused connection is retried with backoff (1 s doubling to 1 min) for at most a day,
 * after which the step fails and the workflow shows it in the Temporal UI (docs/operations.md).
 */
export const SERVICE_CALLS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
};

/**
 * Steps run inside an Update handler, while the caller (an evaluator's browser, through the gateway
 * with its 15 s upstream timeout) waits: each is given at most 6 seconds in all, so a failing service
 * makes the Update refuse with `service-unavailable` instead of holding the workflow busy.
 */
export const UPDATE_CALLS: ActivityOptions = {
  startToCloseTimeout: '3 seconds',
  scheduleToCloseTimeout: '6 seconds',
  retry: { initialInterval: '300 milliseconds', maximumInterval: '2 seconds', backoffCoefficient: 2 },
};

/**
 * What an Update handler throws when one of its steps failed: the service's own refusal (a 4xx code,
 * kept as the type), or `service-unavailable` when it did not answer in time. Nothing is retried
 * behind the caller's back; the handler has put its state back before throwing.
 */
export function refusalFrom(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure && err.nonRetryable) return err;
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.nonRetryable && cause.type) {
    return ApplicationFailure.create({ type: cause.type, message: cause.message, nonRetryable: true });
  }
  const what = cause instanceof TimeoutFailure ? 'did not answer in time' : 'is unavailable';
  return ApplicationFailure.create({
    type: REFUSALS.serviceUnavailable,
    message: `A service this action needs ${what}; nothing was changed. Try again in a moment.`,
    nonRetryable: true,
  });
}

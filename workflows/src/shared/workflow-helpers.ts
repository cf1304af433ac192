import { ApplicationFailure, type ActivityOptions } from '@temporalio/workflow';

/** Refuses an Update from its validator: a non-retryable failure whose type the service maps to 409. */
export const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/** Activity options for calls to the service APIs: quick, retried with backoff until they succeed. */
export const SERVICE_CALLS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
};

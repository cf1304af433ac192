import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { withRequestContext } from '@elar/logger';
import { REQUEST_ID_TEMPORAL_HEADER } from '@elar/vocabulary';

/**
 * Runs each activity inside the request context of the HTTP request that started or last messaged
 * its workflow (the `x-request-id` Temporal header), so worker logs and the service calls the
 * activity makes (the service client sends `x-request-id` from the context) carry the same id.
 */
export const requestIdActivityInterceptor: ActivityInterceptorsFactory = () => ({
  inbound: {
    execute: (input, next) => {
      const payload = input.headers[REQUEST_ID_TEMPORAL_HEADER];
      const requestId = payload ? defaultPayloadConverter.fromPayload<unknown>(payload) : undefined;
      return typeof requestId === 'string' ? withRequestContext({ requestId }, () => next(input)) : next(input);
    },
  },
});

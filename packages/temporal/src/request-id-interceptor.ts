import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { currentContext } from '@elar/logger';
import { REQUEST_ID_TEMPORAL_HEADER } from '@elar/vocabulary';

type Headers = Record<string, Payload>;

/** The current request's id as a header payload; calls outside a request go unchanged. */
function withRequestId(headers: Headers): Headers {
  const requestId = currentContext()?.requestId;
  return requestId ? { ...headers, [REQUEST_ID_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

/** The id in the memo too, so an operator sees in the Temporal UI which request started a process. */
function withMemo<T extends { memo?: Record<string, unknown> }>(options: T): T {
  const requestId = currentContext()?.requestId;
  return requestId ? { ...options, memo: { ...options.memo, requestId } } : options;
}

/**
 * Puts the request id of the calling HTTP request (AsyncLocalStorage, @elar/logger) into the
 * `x-request-id` header of every workflow start, signal and update, where the workflow interceptors
 * (workflows/src/shared/interceptors.ts) pass it on to activities.
 */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers), options: withMemo(input.options) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers), options: withMemo(input.options) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withRequestId(input.workflowStartHeaders),
      workflowStartOptions: withMemo(input.workflowStartOptions),
      updateHeaders: withRequestId(input.updateHeaders),
    }),
};

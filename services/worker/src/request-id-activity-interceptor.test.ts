import { describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter } from '@temporalio/common';
import { currentContext } from '@elar/logger';
import { REQUEST_ID_TEMPORAL_HEADER } from '@elar/vocabulary';
import { requestIdActivityInterceptor } from './request-id-activity-interceptor';

const execute = requestIdActivityInterceptor({} as Parameters<typeof requestIdActivityInterceptor>[0]).inbound!.execute!;
const next = async () => currentContext()?.requestId;

describe('request id activity interceptor', () => {
  it('runs the activity in the request context named by the header, which the service client forwards', async () => {
    const headers = { [REQUEST_ID_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload('trace-abc12345') };
    expect(await execute({ args: [], headers }, next)).toBe('trace-abc12345');
  });

  it('runs an activity without the header outside any request context', async () => {
    expect(await execute({ args: [], headers: {} }, next)).toBeUndefined();
  });
});

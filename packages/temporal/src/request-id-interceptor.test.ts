import { describe, expect, it } from '@jest/globals';
import type { WorkflowStartInput } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { withRequestContext } from '@elar/logger';
import { REQUEST_ID_TEMPORAL_HEADER } from '@elar/vocabulary';
import { requestIdClientInterceptor } from './request-id-interceptor';

const startInput = { workflowType: 'profileOnboarding', headers: {}, options: { memo: { summary: 's' } } } as unknown as WorkflowStartInput;
const output = { runId: 'r', eagerlyStarted: false };

describe('request id client interceptor', () => {
  it('puts the current request id into the start header and the memo', async () => {
    let seen: WorkflowStartInput | undefined;
    await withRequestContext({ requestId: 'trace-abc12345' }, () =>
      requestIdClientInterceptor.startWithDetails!(startInput, async (input) => ((seen = input), output)));
    expect(defaultPayloadConverter.fromPayload(seen!.headers[REQUEST_ID_TEMPORAL_HEADER]!)).toBe('trace-abc12345');
    expect(seen!.options.memo).toEqual({ summary: 's', requestId: 'trace-abc12345' });
  });

  it('leaves a start outside any request unchanged', async () => {
    let seen: WorkflowStartInput | undefined;
    await requestIdClientInterceptor.startWithDetails!(startInput, async (input) => ((seen = input), output));
    expect(seen).toEqual(startInput);
  });
});

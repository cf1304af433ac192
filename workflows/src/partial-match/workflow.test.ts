import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localEnv, workflowsPath } from '../../test/environments';
import { eventually, useTimeSkippingEnv, withWorker as harnessWorker } from '../../test/time-skipping-harness';
import { partialMatchStateQuery, partialMatchWorkflowId, resolvePartialMatchUpdate, addBusinessDays } from './contract';
import type { createPartialMatchActivities } from '@elar/activities';
import { partialMatchEscalation } from './workflow';

type Acts = ReturnType<typeof createPartialMatchActivities>;
let env: TestWorkflowEnvironment;

function mockActivities() {
  const ok = async () => ({ ok: true as const });
  return {
    notifyCaseOpened: jest.fn<Acts['notifyCaseOpened']>(ok),
    remindAdministrators: jest.fn<Acts['remindAdministrators']>(ok),
    escalateCase: jest.fn<Acts['escalateCase']>(ok),
    applyResolution: jest.fn<Acts['applyResolution']>(ok),
  };
}

async function withWorker<T>(acts: ReturnType<typeof mockActivities>, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `pm-${Math.random().toString(36).slice(2)}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: acts });
  return worker.runUntil(fn(taskQueue));
}

// Decisions (Updates) run on the real dev server, deadlines shortened through the input; the real
// 5-business-day timer runs on the time-skipping server further down.
async function waitForStatus(handle: { query: (q: typeof partialMatchStateQuery) => Promise<{ status: string }> }, status: string) {
  for (let i = 0; i < 100; i++) {
    if ((await handle.query(partialMatchStateQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never reached ${status}`);
}

/** The refusal's type (an ApplicationFailure from the validator, which Temporal wraps as the cause of an update failure). */
async function updateFailure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return String((err as { cause?: { type?: string } }).cause?.type ?? (err as Error).message);
  }
  return 'update was accepted';
}

describe('partial-match escalation', () => {
  beforeAll(async () => {
    env = await localEnv();
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('applies the directory administrator’s decision and tells the educator, without escalating', async () => {
    const acts = mockActivities();
    const state = await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-T-1-${Date.now()}`), args: [{ caseNumber: 'PM-T-1', recordMepid: '12345678' }],
      });
      await handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'different-people', actorId: 'admin-1', actorRole: 'directory-admin' }] });
      return handle.result();
    });
    expect(state.status).toBe('resolved-different-people');
    expect(acts.notifyCaseOpened).toHaveBeenCalledTimes(1);
    expect(acts.escalateCase).not.toHaveBeenCalled();
    expect(acts.applyResolution).toHaveBeenCalledWith(expect.objectContaining({ caseNumber: 'PM-T-1', action: 'different-people', idempotencyKey: expect.stringMatching(/^partial-match:PM-T-1-\d+:resolution$/) }));
  });

  it('lets customer service, not the directory administrator, decide an escalated case', async () => {
    const acts = mockActivities();
    const state = await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-T-2-${Date.now()}`),
        args: [{ caseNumber: 'PM-T-2', recordMepid: '12345678', escalateAfterMs: 0 }],
      });
      await waitForStatus(handle, 'escalated');
      expect(await updateFailure(handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'reject', actorId: 'admin-1', actorRole: 'directory-admin' }] }))).toBe('case-escalated');
      await handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'reject', actorId: 'cs-1', actorRole: 'customer-service' }] });
      return handle.result();
    });
    expect(state).toMatchObject({ status: 'rejected', escalated: true });
    expect(acts.escalateCase).toHaveBeenCalledTimes(1);
    expect(acts.applyResolution).toHaveBeenCalledTimes(1);
  });

  it('refuses a second decision on a decided case', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-T-3-${Date.now()}`), args: [{ caseNumber: 'PM-T-3', recordMepid: '12345678' }],
      });
      await handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'correct-record', actorId: 'a', actorRole: 'directory-admin' }] });
      expect(await updateFailure(handle.executeUpdate(resolvePartialMatchUpdate, { args: [{ action: 'reject', actorId: 'a', actorRole: 'directory-admin' }] }))).toBe('case-already-resolved');
      return handle.result();
    });
    expect(acts.applyResolution).toHaveBeenCalledTimes(1);
  });

  it('reminds the administrators until the deadline, then hands the case to customer service', async () => {
    const acts = mockActivities();
    await withWorker(acts, async (taskQueue) => {
      const handle = await env.client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId(`PM-T-4-${Date.now()}`),
        args: [{ caseNumber: 'PM-T-4', recordMepid: '12345678', reminderEveryDays: 1 / 86_400, escalateAfterMs: 3_500 }],
      });
      expect((await handle.query(partialMatchStateQuery)).status).toBe('open');
      await waitForStatus(handle, 'escalated');
      const described = await handle.describe();
      expect(described.searchAttributes.ElarStatus).toEqual(['escalated']);
      await handle.terminate('test done');
    });
    expect(acts.remindAdministrators.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(acts.escalateCase).toHaveBeenCalledTimes(1);
    expect(acts.applyResolution).not.toHaveBeenCalled();
  });
});

describe('partial-match escalation on real business-day timers (time-skipping)', () => {
  const skipEnv = useTimeSkippingEnv();

  it('reminds every 2 days and, after 5 business days without a decision, hands the case to customer service', async () => {
    const acts = mockActivities();
    const ts = skipEnv();
    await harnessWorker(ts, acts, async (taskQueue) => {
      const handle = await ts.client.workflow.start(partialMatchEscalation, {
        taskQueue, workflowId: partialMatchWorkflowId('PM-TS-1'), args: [{ caseNumber: 'PM-TS-1', recordMepid: '12345678' }],
      });
      await eventually(async () => acts.notifyCaseOpened.mock.calls.length, (n) => n === 1);
      await ts.sleep('3 days');
      expect(await handle.query(partialMatchStateQuery)).toMatchObject({ status: 'open', escalated: false });
      await ts.sleep('7 days'); // 5 business days is at most 7 calendar days (weekends)
      const state = await eventually(() => handle.query(partialMatchStateQuery), (s) => s.escalated);
      expect(state).toMatchObject({ status: 'escalated', escalated: true });
      await handle.terminate('test done');
    });
    expect(acts.remindAdministrators.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(acts.escalateCase).toHaveBeenCalledTimes(1);
    expect(acts.applyResolution).not.toHaveBeenCalled();
  });
});

describe('business days', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 business day = Monday 2026-11-30
    expect(addBusinessDays(new Date('2026-11-27T10:00:00Z'), 1).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(addBusinessDays(new Date('2026-11-27T10:00:00Z'), 5).toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });
});

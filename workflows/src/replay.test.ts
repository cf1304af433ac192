import { describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { historyFiles, loadHistory } from '../test/history-files';
import { workflowInterceptorModules, workflowsPath } from './index';
import * as registered from './workflows';

// Histories recorded by workflows/scripts/record-histories.ts (docs/operations.md, "Changing a workflow").
const files = historyFiles();

describe('recorded workflow histories replay against the current workflow code', () => {
  it('has at least one history for every workflow the workers register', () => {
    // The workflow type each history started, against every function the bundle entry exports.
    const recorded = new Set(files.map((f) => loadHistory(f).events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect(Object.keys(registered).filter((name) => !recorded.has(name))).toEqual([]);
  });

  it('replays every history without a non-determinism error', async () => {
    const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: loadHistory(f) }));
    const options = { workflowsPath, interceptors: { workflowModules: workflowInterceptorModules } };
    const outcomes: string[] = [];
    for await (const result of Worker.runReplayHistories(options, histories)) {
      outcomes.push(`${result.workflowId}: ${result.error ? `${result.error.name}: ${result.error.message}` : 'ok'}`);
    }
    expect(outcomes).toEqual(files.map((f) => `${f.replace(/\.json$/, '')}: ok`));
  }, 120_000);
});

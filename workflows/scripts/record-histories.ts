// Records one history per representative path of every workflow, for the replay test
// (src/replay.test.ts). Run after a deliberate, patched change to a workflow:
//   npx tsx workflows/scripts/record-histories.ts
// It starts a real Temporal dev server (localEnv), runs each path with mocked activities, and writes
// test/histories/<workflow>-<path>.json. Inputs are made-up ids: no personal data is recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { localEnv, workflowInterceptorModules, workflowsPath } from '../test/environments';
import { HISTORY_PATHS, type RecordedPath } from './history-paths';
import { recordingActivities } from './recording-activities';

const outDir = join(__dirname, '..', 'test', 'histories');

async function record(env: TestWorkflowEnvironment, path: RecordedPath): Promise<void> {
  const taskQueue = `record-${path.name}-${Date.now()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    interceptors: { workflowModules: workflowInterceptorModules },
    activities: recordingActivities(),
  });
  const histories = await worker.runUntil(path.run(env.client, taskQueue));
  for (const [suffix, handle] of Object.entries(histories)) {
    const history = await handle.fetchHistory();
    const file = join(outDir, `${suffix}.json`);
    // fetchHistory() answers a protobuf History message; its toJSON() form (enum names, string longs,
    // base64 bytes) is what Worker.runReplayHistory reads back through historyFromJSON.
    const json = (history as { toJSON?: () => unknown }).toJSON?.() ?? history;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`recorded ${file} (${history.events?.length ?? 0} events)\n`);
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const env = await localEnv();
  try {
    // `record-histories.ts name ...` records only those paths (the others' files stay as they are).
    const only = process.argv.slice(2);
    for (const path of HISTORY_PATHS) if (!only.length || only.includes(path.name)) await record(env, path);
  } finally {
    await env.teardown();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n${err?.cause ? `cause: ${String(err.cause)}\n` : ""}`);
  process.exit(1);
});

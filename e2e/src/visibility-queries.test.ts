import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { request } from 'undici';
import type { Stack } from '@elar/devstack';
import { profileOnboardingWorkflowId } from '@elar/workflows';
import { apiClient, newProfile, type ApiClient } from './client';
import { startTestStack } from './stack';

/** The queries of docs/operations.md (its ```visibility blocks), as operators paste them. */
function runbookQueries(): string[] {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  return [...doc.matchAll(/```visibility\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const fill = (query: string, values: Record<string, string>) =>
  query.replace(/<(\w+)>/g, (_all, name: string) => {
    if (!(name in values)) throw new Error(`no value for <${name}> in: ${query}`);
    return values[name]!;
  });

/** Prometheus scrapes with the internal token: `/metrics` is not public. */
const text = async (url: string) => (await request(url, { headers: { authorization: `Bearer ${stack.env.INTERNAL_TOKEN}` } })).body.text();

let stack: Stack;
let api: ApiClient;
let connection: Connection;
let client: Client;
let mepid: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.gatewayUrl, { mail: stack.mail });
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection });
  const profile = newProfile({ firstName: 'Mary', lastName: 'Jackson' });
  const created = await api.post('/profiles', profile);
  expect(created.status).toBe(201);
  mepid = created.body.mepid;
  await client.workflow.getHandle(profileOnboardingWorkflowId(mepid)).result();
}, 240_000);

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

/** Lists every workflow id a query finds; visibility is eventually consistent, so poll briefly. */
async function idsFor(query: string, expectId?: string): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ids: string[] = [];
    for await (const wf of client.workflow.list({ query })) ids.push(wf.workflowId);
    if (!expectId || ids.includes(expectId) || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the runbook's visibility queries, on the dev server", () => {
  it("finds the profile's onboarding with the runbook's `MEPID = '...'` query", async () => {
    const query = runbookQueries().find((q) => q === "MEPID = '<mepid>'")!;
    expect(query).toBeDefined();
    const id = profileOnboardingWorkflowId(mepid);
    expect(await idsFor(fill(query, { mepid }), id)).toEqual([id]);
  });

  it('finds it by workflow id, and not among running processes once welcomed', async () => {
    const id = profileOnboardingWorkflowId(mepid);
    expect(await idsFor(fill("WorkflowId = 'profile-onboarding:<mepid>'", { mepid }), id)).toEqual([id]);
    expect(await idsFor(fill("MEPID = '<mepid>' AND ExecutionStatus = 'Running'", { mepid }))).toEqual([]);
  });

  it('every query in the runbook is accepted by the server (search attributes registered, syntax valid)', async () => {
    const now = Date.now();
    const values: Record<string, string> = {
      mepid, applicationNumber: 'A-000001', licenseType: 'Initial', caseNumber: 'PM-000001', organizationId: 'org-1',
      orderNumber: 'HC-000001', licenseNumber: '123456', thirtyDaysAgo: new Date(now - 30 * 86_400_000).toISOString(),
      oneDayAgo: new Date(now - 86_400_000).toISOString(),
    };
    const queries = runbookQueries();
    expect(queries.length).toBeGreaterThanOrEqual(10);
    const rejected: string[] = [];
    for (const q of queries) {
      try {
        await idsFor(fill(q, values));
      } catch (err) {
        rejected.push(`${q}: ${(err as Error).message}`);
      }
    }
    expect(rejected).toEqual([]);
  });
});

describe('metrics on the running stack', () => {
  it('serves /metrics on every process, with request and email counters that moved during the test', async () => {
    expect(Object.keys(stack.metricsUrls).sort()).toEqual(['gateway', 'identity', 'licensing', 'worker', 'workerSdk']);
    const gateway = await text(stack.metricsUrls.gateway!);
    expect(gateway).toMatch(/http_requests_total\{method="POST",route="\/api\/v1\/profiles",status="201"\} [1-9]/);
    const identity = await text(stack.metricsUrls.identity!);
    expect(identity).toMatch(/emails_sent_total\{template="welcome"\} [1-9]/);
    expect(await text(stack.metricsUrls.licensing!)).toContain('process_cpu_user_seconds_total');
    expect(await text(stack.metricsUrls.worker!)).toContain('nodejs_eventloop_lag_seconds');
  });

  it("exports the Temporal SDK's metrics from the worker, under the names the runbook alerts on", async () => {
    const sdk = await text(stack.metricsUrls.workerSdk!);
    for (const name of ['temporal_workflow_task_schedule_to_start_latency', 'temporal_activity_execution_latency', 'temporal_sticky_cache_hit', 'temporal_worker_task_slots_available']) {
      expect({ name, present: sdk.includes(name) }).toEqual({ name, present: true });
    }
  });
});

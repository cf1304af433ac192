import { Client, Connection } from '@temporalio/client';

/** Workflow ids a visibility query finds, polling briefly (visibility is eventually consistent). */
export async function findWorkflows(address: string, query: string, timeoutMs = 10_000): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ids: string[] = [];
      for await (const wf of client.workflow.list({ query })) ids.push(wf.workflowId);
      if (ids.length || Date.now() > deadline) return ids.sort();
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await connection.close();
  }
}

/** Waits until a workflow has closed (whatever its outcome). */
export async function waitForClose(address: string, workflowId: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await new Client({ connection }).workflow.getHandle(workflowId).result().catch(() => undefined);
  } finally {
    await connection.close();
  }
}

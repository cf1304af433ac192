// The throughput ceiling: an empty workflow with one no-op activity, run on the same Temporal server.
import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

export async function benchCeiling(): Promise<void> {
  await noop();
}

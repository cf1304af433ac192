/** The p-th percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `fn` at a steady `perSecond` for `seconds` (open loop: a slow call does not delay the next), collecting latencies. */
export async function paced(perSecond: number, seconds: number, fn: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const failures: string[] = [];
  const calls: Promise<void>[] = [];
  const total = Math.round(perSecond * seconds);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    calls.push(
      fn(i).then(
        () => void latencies.push(performance.now() - t),
        (err: unknown) => void failures.push(err instanceof Error ? err.message : String(err)),
      ),
    );
  }
  await Promise.all(calls);
  return { latencies, failures, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

import { approve, claim, readyToSubmit, submit, type Actor, type Api } from '../actors';
import type { Row } from '../report';
import { paced, percentile } from '../stats';

/**
 * Starts and Updates at a steady rate through the gateway: `count` prepared applications are
 * submitted at `perSecond` (each submit starts a review workflow), then all are claimed, then all
 * approved, at the same rate (Updates, answered when the workflow has applied them).
 */
export async function startsAndDecisions(api: Api, educator: Actor, evaluator: Actor, perSecond: number, count: number): Promise<Row[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 8) {
    numbers.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, () => readyToSubmit(api, educator)))));
  }
  const starts = await paced(perSecond, count / perSecond, (i) => submit(api, educator, numbers[i]!));
  // Claims, then approvals: an approval sent while its claim is still being applied is refused (409).
  const claims = await paced(perSecond, count / perSecond, (i) => claim(api, evaluator, numbers[i]!));
  const approvals = await paced(perSecond, count / perSecond, (i) => approve(api, evaluator, numbers[i]!));
  const latencies = [...claims.latencies, ...approvals.latencies];
  const decisions = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures: [...claims.failures, ...approvals.failures] };
  const failures = [...starts.failures, ...decisions.failures];
  if (failures.length) process.stderr.write(`starts and decisions: ${failures.slice(0, 3).join('; ')}\n`);
  const note = `${perSecond}/s`;
  return [
    { scenario: 'workflow start (submit)', figure: 'p50', value: starts.p50, unit: 'ms', note },
    { scenario: 'workflow start (submit)', figure: 'p99', value: starts.p99, unit: 'ms', note: `${note}, ${starts.failures.length} failed` },
    { scenario: 'Update round trip (claim, approve)', figure: 'p50', value: decisions.p50, unit: 'ms', note },
    { scenario: 'Update round trip (claim, approve)', figure: 'p99', value: decisions.p99, unit: 'ms', note: `${note}, ${decisions.failures.length} failed` },
  ];
}

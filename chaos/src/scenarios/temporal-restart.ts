import type { Actor } from '../../../bench/src/actors';
import type { ChaosStack } from '../chaos-stack';
import { countEffects, duplicatesIn, failedWorkflows } from '../effects';
import type { Row } from '../report';
import { educators, reviewToIssued, submittedApplication, waitFor } from '../workloads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

const statusOf = async (c: ChaosStack, n: string) => (await c.api.call<{ status?: string }>('GET', `/applications/${n}`, undefined, c.evaluator.token)).body.status;

/** The evaluator asks for MTEL subject scores, due in ten days: a correspondence workflow with its reminder and deadline timers. */
async function requestInformation(c: ChaosStack, n: string) {
  await waitFor(`${n} claimed`, async () => {
    if ((await statusOf(c, n)) === 'Ready for Review') await c.api.call('POST', `/applications/${n}/claim`, undefined, c.evaluator.token);
    return statusOf(c, n);
  }, (s) => s === 'Under Review', 60_000);
  const dueDate = new Date(Date.now() + 10 * 86_400_000).toISOString();
  await waitFor(`${n} awaiting applicant`, async () => {
    if ((await statusOf(c, n)) === 'Under Review') await c.api.call('POST', `/applications/${n}/decisions`, { action: 'request-information', missingRequirements: ['mtel-subject'], dueDate }, c.evaluator.token);
    return statusOf(c, n);
  }, (s) => s === 'Awaiting Applicant', 60_000);
}

/** The educator uploads the scores and replies to letter 1 (sent again until it is taken), then the evaluator approves. */
async function answerThenIssue(c: ChaosStack, who: Actor, n: string, ms: number) {
  await c.api.call('POST', `/applications/${n}/documents`, { requirementId: 'mtel-subject', fileName: 'mtel-subject-scores.pdf', contentBase64: pdf(`${n} scores`) }, who.token);
  await waitFor(`${n} reply taken`, async () => (await c.api.call('POST', `/applications/${n}/correspondence/1/reply`, { message: 'Scores attached.' }, who.token)).status, (s) => s === 202 || s === 409, ms);
  await reviewToIssued(c, n, ms);
}

/**
 * R2: many reviews wait on evaluators and some on educators (correspondence timers pending) when the
 * Temporal dev server (file database) is killed with SIGKILL and started again. The decisions and
 * replies are sent while it is down, retried by the client until taken: every application must
 * reach Issued with one license; no Update or signal may be lost.
 */
export async function temporalRestart(c: ChaosStack, opts: { waiting: number; corresponding: number; downMs: number; msPerStep: number }): Promise<Row> {
  // Ten educators with several applications each (making a profile costs three password hashes).
  const people = await educators(c, Math.min(10, opts.waiting + opts.corresponding));
  const owners = Array.from({ length: opts.waiting + opts.corresponding }, (_, i) => people[i % people.length]!);
  const failedBefore = await failedWorkflows(c);
  c.api.resetTally();
  const numbers = await inBatches(owners, 8, (who) => submittedApplication(c, who));
  await inBatches(numbers, 8, (n) => waitFor(`${n} ready`, () => statusOf(c, n), (s) => s === 'Ready for Review', 60_000));
  const lettered = numbers.slice(opts.waiting);
  await inBatches(lettered, 8, (n) => requestInformation(c, n));

  await c.stack.crash('temporal');
  const killed = Date.now();
  // Everyone acts while Temporal is down; the client retries until the system takes it.
  const done = Promise.allSettled(numbers.map((n, i) => (i < opts.waiting ? reviewToIssued(c, n, opts.msPerStep) : answerThenIssue(c, owners[i]!, n, opts.msPerStep))));
  await sleep(opts.downMs);
  await c.stack.restart('temporal');
  const back = Date.now();
  const results = await done;
  const end = Date.now();

  const effects = await countEffects(c, numbers, []);
  const failed = (await failedWorkflows(c)).filter((id) => !failedBefore.includes(id));
  const issued = results.filter((r) => r.status === 'fulfilled').length;
  const tally = c.api.tally();
  return {
    scenario: 'R2 Temporal dev server kill -9 and restart',
    inFlight: `${opts.waiting} reviews waiting on evaluators + ${opts.corresponding} waiting on correspondence`,
    completed: `${issued} issued`,
    duplicates: duplicatesIn(effects),
    lost: numbers.length - issued + failed.length + tally.lost,
    recoverSeconds: (end - back) / 1000,
    faults: `down ${((back - killed) / 1000).toFixed(0)} s, decisions and replies sent meanwhile`,
    notes: [
      ...results.flatMap((r) => (r.status === 'rejected' ? [`not completed: ${(r.reason as Error).message}`] : [])).slice(0, 3),
      ...tally.lostExamples.map((e) => `lost request: ${e}`),
      ...failed.slice(0, 3).map((id) => `failed workflow: ${id}`),
      `client saw ${tally.retryable} retryable errors, ${tally.answered} answers`,
    ],
  };
}

import { randomUUID } from 'node:crypto';
import { applicationReviewWorkflowId, decisionUpdate } from '@elar/workflows';
import { draftApplication, type Actor } from '../../../bench/src/actors';
import type { ChaosStack } from '../chaos-stack';
import { countEffects, duplicatesIn, failedWorkflows } from '../effects';
import type { Row } from '../report';
import { educators, onlyLicense, placeOrder, vendorEvent, waitFor } from '../workloads';

const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');
const twice = <T>(send: () => Promise<T>) => Promise.all([send(), send()]);
const ok = (statuses: number[], allowed: number[]) => statuses.every((s) => allowed.includes(s));

/**
 * One educator's run of doubled requests, each pair sent at the same moment: the payment (same
 * idempotency key), the submit, the evaluator's approval as a Temporal Update with one Update id,
 * the hard-copy order (same key) and each vendor event (same event id). Returns the numbers made
 * and which pairs were answered differently from "one effect, the same answer or a clear refusal".
 */
async function doubledRun(c: ChaosStack, who: Actor) {
  const wrong: string[] = [];
  const n = await draftApplication(c.api, who);
  const checklist = (await c.api.call<{ checklist: { id: string; met: boolean }[] }>('GET', `/applications/${n}/checklist`, undefined, who.token)).body.checklist;
  for (const r of checklist.filter((x) => !x.met)) {
    await c.api.call('POST', `/applications/${n}/documents`, { requirementId: r.id, fileName: `${r.id}.pdf`, contentBase64: pdf(r.id) }, who.token);
  }
  const payKey = `chaos-pay-${randomUUID()}`;
  const paid = await twice(() => c.api.call('POST', `/applications/${n}/payments`, { idempotencyKey: payKey, card }, who.token));
  // The first answers 201; the other the same receipt (200) or "in progress" (409) while the first runs.
  if (!ok(paid.map((r) => r.status), [200, 201, 409]) || !paid.some((r) => r.status === 201)) wrong.push(`payment ${paid.map((r) => r.status).join('/')}`);
  const submitted = await twice(() => c.api.call('POST', `/applications/${n}/submit`, undefined, who.token));
  if (!ok(submitted.map((r) => r.status), [202])) wrong.push(`submit ${submitted.map((r) => r.status).join('/')}`);
  await waitFor(`${n} ready`, async () => (await c.api.call('GET', `/applications/${n}`, undefined, c.evaluator.token)).body.status, (s) => s === 'Ready for Review', 60_000);
  const claimed = await c.api.call('POST', `/applications/${n}/claim`, undefined, c.evaluator.token);
  if (claimed.status !== 200) wrong.push(`claim ${claimed.status}`);
  const review = c.temporal.workflow.getHandle(applicationReviewWorkflowId(n));
  const updateId = `chaos-decision-${randomUUID()}`;
  const decided = await twice(() => review.executeUpdate(decisionUpdate, { updateId, args: [{ action: 'approve', evaluatorId: c.evaluator.principal.userId }] }));
  if (decided[0].status !== decided[1].status) wrong.push(`one Update id, two answers: ${decided.map((d) => d.status).join('/')}`);
  await waitFor(`${n} issued`, async () => (await c.api.call('GET', `/applications/${n}`, undefined, who.token)).body.status, (s) => s === 'Issued', 60_000);

  const orderKey = `chaos-order-${randomUUID()}`;
  const licenseNumber = await onlyLicense(c, who);
  const ordered = await twice(() => placeOrder(c, who, licenseNumber, orderKey));
  const orderNumbers = new Set(ordered.filter((r) => r.status < 300).map((r) => r.body.orderNumber));
  if (!ok(ordered.map((r) => r.status), [200, 201, 409]) || orderNumbers.size !== 1) wrong.push(`order ${ordered.map((r) => r.status).join('/')} -> ${[...orderNumbers].join('/')}`);
  const orderNumber = [...orderNumbers][0]!;
  const view = (status: string) => waitFor(`order ${orderNumber} ${status}`, async () => (await c.api.call('GET', `/hard-copy-orders/${orderNumber}`, undefined, who.token)).body, (o) => o.status === status, 60_000);
  const sent = await view('Sent to Printer');
  const jobId = (sent.timeline as { type: string; detail?: { jobId?: string } }[]).find((e) => e.type === 'print-job-sent')!.detail!.jobId!;
  for (const [type, status, extra] of [['printed', 'Printed', {}], ['mailed', 'Mailed', { trackingNumber: `TRACK-${orderNumber}` }], ['delivered', 'Delivered', {}]] as const) {
    const events = await twice(() => vendorEvent(c, jobId, type, extra));
    if (!ok(events.map((r) => r.status), [202])) wrong.push(`vendor ${type} ${events.map((r) => r.status).join('/')}`);
    await view(status);
  }
  const final = await c.api.call<{ timeline: { type: string }[] }>('GET', `/hard-copy-orders/${orderNumber}`, undefined, who.token);
  for (const type of ['printed', 'mailed', 'delivered']) {
    const seen = final.body.timeline.filter((e) => e.type === type).length;
    if (seen !== 1) wrong.push(`vendor event ${type} recorded ${seen} times`);
  }
  return { applicationNumber: n, orderNumber, wrong };
}

/** R5: the same submit, payment, Update id, order and vendor event sent twice at once give one effect each. */
export async function twiceAtOnce(c: ChaosStack, opts: { people: number }): Promise<Row> {
  const people = await educators(c, opts.people);
  const failedBefore = await failedWorkflows(c);
  c.api.resetTally();
  const started = Date.now();
  const runs = await Promise.allSettled(people.map((who) => doubledRun(c, who)));
  const end = Date.now();
  const done = runs.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const effects = await countEffects(c, done.map((d) => d.applicationNumber), done.map((d) => d.orderNumber));
  const failed = (await failedWorkflows(c)).filter((id) => !failedBefore.includes(id));
  const wrong = done.flatMap((d) => d.wrong);
  const notes = [
    ...wrong.slice(0, 5),
    ...runs.flatMap((r) => (r.status === 'rejected' ? [`not completed: ${(r.reason as Error).message}`] : [])).slice(0, 3),
    ...failed.slice(0, 3).map((id) => `failed workflow: ${id}`),
  ];
  return {
    scenario: 'R5 same request twice at once',
    inFlight: `${opts.people} x 7 doubled requests (payment, submit, Update id, order, 3 vendor events)`,
    completed: `${done.length - done.filter((d) => d.wrong.length).length} of ${opts.people} runs, one effect each`,
    duplicates: duplicatesIn(effects) + wrong.length,
    lost: people.length - done.length + failed.length + c.api.tally().lost,
    recoverSeconds: null,
    faults: `${7 * opts.people} pairs in ${((end - started) / 1000).toFixed(0)} s`,
    notes,
  };
}

import type { Actor } from '../../bench/src/actors';
import type { ChaosStack } from './chaos-stack';
import { countEffects, duplicatesIn, failedWorkflows } from './effects';
import { onlyLicense, orderToDelivered, reviewToIssued, submittedApplication } from './workloads';

/** How far one educator got: an application to Issued, then a printed copy of that license to Delivered. */
export interface Progress {
  applicationNumber?: string;
  issued: boolean;
  orderNumber?: string;
  delivered: boolean;
  error?: string;
}

/** Starts every educator's application-then-order at once; `done` settles when all have finished or failed. */
export function startPipelines(c: ChaosStack, people: Actor[], msPerStep: number) {
  const progress: Progress[] = people.map(() => ({ issued: false, delivered: false }));
  const done = Promise.all(people.map(async (who, i) => {
    const p = progress[i]!;
    try {
      p.applicationNumber = await submittedApplication(c, who);
      await reviewToIssued(c, p.applicationNumber, msPerStep);
      p.issued = true;
      p.orderNumber = await orderToDelivered(c, who, await onlyLicense(c, who), msPerStep);
      p.delivered = true;
    } catch (err) {
      p.error = (err as Error).message;
    }
  })).then(() => Date.now());
  return { progress, done };
}

/** The figures of a finished set of pipelines: completed, duplicated effects, and lost (not completed, lost requests, failed workflows). */
export async function outcomeOf(c: ChaosStack, progress: Progress[], failedBefore: string[]) {
  const apps = progress.map((p) => p.applicationNumber).filter((n): n is string => !!n);
  const orders = progress.map((p) => p.orderNumber).filter((n): n is string => !!n);
  const effects = await countEffects(c, apps, orders);
  const failed = (await failedWorkflows(c)).filter((id) => !failedBefore.includes(id));
  const issued = progress.filter((p) => p.issued).length;
  const delivered = progress.filter((p) => p.delivered).length;
  const tally = c.api.tally();
  const notes = [
    ...progress.filter((p) => p.error).slice(0, 3).map((p) => `not completed: ${p.error}`),
    ...tally.lostExamples.map((e) => `lost request: ${e}`),
    ...failed.slice(0, 3).map((id) => `failed workflow: ${id}`),
  ];
  return {
    completed: `${issued} issued + ${delivered} delivered`,
    duplicates: duplicatesIn(effects),
    lost: 2 * progress.length - issued - delivered + tally.lost + failed.length,
    clientTally: tally,
    notes,
  };
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startChaosStack, type ChaosStack } from './chaos-stack';
import { twiceAtOnce } from './scenarios/twice-at-once';
import { workerKills } from './scenarios/worker-kills';

// A small selection of `npm run chaos` (chaos/src/main.ts), on the same real stack.
let c: ChaosStack;
beforeAll(async () => {
  c = await startChaosStack();
}, 240_000);
afterAll(async () => {
  await c?.stop();
});

describe('the fault suite, small', () => {
  it('the same payment, submit, Update id, order and vendor events sent twice at once make one effect each', async () => {
    const row = await twiceAtOnce(c, { people: 1 });
    expect(row.notes).toEqual([]);
    expect(row).toMatchObject({ duplicates: 0, lost: 0 });
  }, 180_000);

  it('a worker killed with kill -9 while applications and then orders are in flight: all complete, each effect once', async () => {
    const row = await workerKills(c, { people: 2, kills: 1, everyMs: 3000, msPerStep: 150_000 });
    expect(row.faults).toMatch(/^1 kill -9/);
    expect(row.notes).toEqual([]);
    expect(row).toMatchObject({ completed: '2 issued + 2 delivered', duplicates: 0, lost: 0 });
  }, 400_000);
});

import { describe, expect, it } from '@jest/globals';
import { createHashQueue } from './hash-queue';

const hold = () => {
  let done!: () => void;
  const p = new Promise<void>((r) => (done = r));
  return { p, done };
};

describe('the hash queue', () => {
  it('runs at most `concurrency` at once, lets `maxWaiting` wait, and refuses the next at once with 503 busy', async () => {
    const q = createHashQueue({ concurrency: 1, maxWaiting: 1, maxWaitMs: 60_000 });
    const first = hold();
    const running = q.run(() => first.p);
    const waiting = q.run(async () => 'second');
    await expect(q.run(async () => 'third')).rejects.toMatchObject({ status: 503, code: 'busy' });
    expect(q.stats()).toMatchObject({ running: 1, waiting: 1 });
    first.done();
    await running;
    await expect(waiting).resolves.toBe('second');
    expect(q.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('refuses to queue when recent hashes say the wait would exceed maxWaitMs', async () => {
    const q = createHashQueue({ concurrency: 1, maxWaiting: 100, maxWaitMs: 50 });
    await q.run(() => new Promise((r) => setTimeout(r, 200)));
    const slow = hold();
    const running = q.run(() => slow.p);
    await expect(q.run(async () => 'late')).rejects.toMatchObject({ code: 'busy' });
    slow.done();
    await running;
  });

  it('gives a freed slot to the next source in turn: one person waits behind at most one of a flood\'s hashes, not all of them', async () => {
    const q = createHashQueue({ concurrency: 1, maxWaiting: 20, maxWaitMs: 60_000 });
    const order: string[] = [];
    const gate = hold();
    const running = q.run(() => gate.p, 'flood');
    const flood = Array.from({ length: 5 }, (_, i) => q.run(async () => void order.push(`flood-${i}`), 'flood'));
    const person = q.run(async () => void order.push('person'), 'person');
    const unlaned = q.run(async () => void order.push('new-profile'));
    gate.done();
    await Promise.all([running, ...flood, person, unlaned]);
    expect(order).toEqual(['flood-0', 'person', 'new-profile', 'flood-1', 'flood-2', 'flood-3', 'flood-4']);
  });

  it('keeps a slot free of a flooding source: one source runs at most half the hashes, a person from elsewhere starts at once', async () => {
    const q = createHashQueue({ concurrency: 2, maxWaiting: 20, maxWaitMs: 60_000 });
    const gate = hold();
    const flood = Array.from({ length: 4 }, () => q.run(() => gate.p, 'flood'));
    expect(q.stats()).toMatchObject({ running: 1, waiting: 3 });
    await expect(q.run(async () => 'signed in', 'person')).resolves.toBe('signed in');
    gate.done();
    await Promise.all(flood);
    expect(q.stats()).toMatchObject({ running: 0, waiting: 0 });
  });
});

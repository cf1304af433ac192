import { describe, expect, it } from '@jest/globals';
import { createStatusBus, type StatusChange } from './status-bus';

// Runs on the run's PostgreSQL server: TEST_DATABASE_URL, or the embedded server that jest's global
// setup starts (scripts/test/global-setup.ts), so LISTEN/NOTIFY is tested on the local default too.
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('TEST_DATABASE_URL is not set: run through the root jest config (npm test)');

const change = (applicationNumber: string, status: string): StatusChange => ({ applicationNumber, status, at: new Date().toISOString(), type: 'status' });

function nextChange(bus: ReturnType<typeof createStatusBus>, applicationNumber: string, ms = 10_000) {
  return new Promise<StatusChange>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change arrived')), ms);
    const off = bus.subscribe(applicationNumber, (c) => {
      clearTimeout(timer);
      off();
      resolve(c);
    });
  });
}

describe('status bus across licensing replicas', () => {
  it('delivers a change published on one replica to the streams of another, once', async () => {
    const a = createStatusBus({ databaseUrl: url });
    const b = createStatusBus({ databaseUrl: url });
    try {
      const n = `A-2026-${String(Date.now()).slice(-6)}`;
      await new Promise((r) => setTimeout(r, 1000)); // both LISTENs in place
      const onB = nextChange(b, n);
      const seenOnA: StatusChange[] = [];
      const off = a.subscribe(n, (c) => seenOnA.push(c));
      a.publish(change(n, 'Issued'));
      expect((await onB).status).toBe('Issued');
      await new Promise((r) => setTimeout(r, 500));
      off();
      expect(seenOnA.map((c) => c.status)).toEqual(['Issued']); // its own change once, not echoed back
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

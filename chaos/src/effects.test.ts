import { describe, expect, it } from '@jest/globals';
import { duplicatesIn } from './effects';

describe('counting duplicated effects', () => {
  it('counts every effect beyond one per thing, and none when each happened once', () => {
    const once = { applications: [{ number: 'A1', licenses: 1, charges: 1 }], orders: [{ number: 'O1', charges: 1, printJobs: 1, spooled: 1 }], emailDuplicates: 0, emails: 3 };
    expect(duplicatesIn(once)).toBe(0);
    expect(duplicatesIn({ ...once, applications: [{ number: 'A1', licenses: 2, charges: 1 }] })).toBe(1);
    expect(duplicatesIn({ ...once, orders: [{ number: 'O1', charges: 1, printJobs: 1, spooled: 3 }], emailDuplicates: 1 })).toBe(3);
  });
});

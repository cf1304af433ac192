import { describe, expect, it } from '@jest/globals';
import { mepidFromSequence } from './mepid';

describe('MEPID', () => {
  it('is always 8 digits', () => {
    for (const v of [1n, 2n, 12345n, 89_999_999n]) expect(mepidFromSequence(v)).toMatch(/^\d{8}$/);
  });

  it('never repeats across a large run of sequence values', () => {
    const seen = new Set<string>();
    for (let v = 1n; v <= 200_000n; v++) seen.add(mepidFromSequence(v));
    expect(seen.size).toBe(200_000);
  });

  it('does not reveal the order in which profiles were made', () => {
    expect(Number(mepidFromSequence(2n)) - Number(mepidFromSequence(1n))).not.toBe(1);
  });

  it('refuses values outside the sequence range instead of wrapping around', () => {
    expect(() => mepidFromSequence(0n)).toThrow(RangeError);
    expect(() => mepidFromSequence(90_000_000n)).toThrow(RangeError);
  });
});

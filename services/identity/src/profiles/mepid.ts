/**
 * MEPIDs are 8 digits. Each comes from the database sequence `mepid_seq` (1..89,999,999, never
 * reused) and is scrambled by a bijection so consecutive profiles do not get consecutive MEPIDs:
 * x -> (x * A) mod 90,000,000 with A coprime to 90,000,000, then + 10,000,000.
 * A bijection keeps uniqueness: two different sequence values never give the same MEPID.
 */
const RANGE = 90_000_000n;
const MULTIPLIER = 48_271_307n; // odd, not divisible by 3 or 5, so gcd(A, 90,000,000) = 1

export function mepidFromSequence(value: bigint): string {
  if (value < 1n || value >= RANGE) throw new RangeError('MEPID sequence exhausted or invalid');
  return String(((value * MULTIPLIER) % RANGE) + 10_000_000n);
}

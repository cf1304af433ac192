import { describe, expect, it } from '@jest/globals';
import { loadCatalog } from '../catalog/catalog';
import type { License } from '../generated/prisma/client';
import { checkPdps, checkRenewable } from './eligibility';

const rules = loadCatalog().renewal;
const now = new Date('2026-11-29T12:00:00Z');
const license = (over: Partial<License>): License => ({
  id: 'l', licenseNumber: '500001', applicationId: null, sourceItemId: null, profileId: 'p', mepid: '12345678', holderFirstName: 'A', holderLastName: 'B',
  kind: 'license', licenseType: 'professional', field: 'mathematics', gradeLevel: '8-12', issueDate: new Date('2022-06-01'), expiresAt: new Date('2027-06-01'),
  validityKind: 'calendar-years', validityYears: 5, status: 'Active', verificationCode: null, createdAt: now, ...over,
});
const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('renewal eligibility (catalog rules)', () => {
  it('opens one year before expiry once the license has been active four years', () => {
    expect(code(() => checkRenewable(rules, license({}), [], now))).toBe('ok');
    expect(code(() => checkRenewable(rules, license({ expiresAt: new Date('2028-01-01') }), [], now))).toBe('renewal-too-early');
    // Inside the last year but active under four years (a shortened first period): still too early.
    expect(code(() => checkRenewable(rules, license({ issueDate: new Date('2023-06-01') }), [], now))).toBe('renewal-too-early');
    expect(code(() => checkRenewable(rules, license({ expiresAt: new Date('2026-11-01') }), [], now))).toBe('license-expired');
  });

  it('renews only Professional licenses, and a renewed period once', () => {
    expect(code(() => checkRenewable(rules, license({ licenseType: 'initial', expiresAt: null }), [], now))).toBe('license-not-renewable');
    expect(code(() => checkRenewable(rules, license({ kind: 'endorsement', licenseType: null }), [], now))).toBe('license-not-renewable');
    expect(code(() => checkRenewable(rules, license({}), [new Date('2027-06-01')], now))).toBe('already-renewed');
  });

  it('needs 150 PDPs plus 30 per additional license, at least 15 in each category', () => {
    const full = { content: 60, pedagogy: 45, 'sei-esl': 25, 'diverse-learners': 20 };
    expect(code(() => checkPdps(rules, full, 1))).toBe('ok');
    expect(code(() => checkPdps(rules, full, 2))).toBe('pdps-short');
    expect(code(() => checkPdps(rules, { ...full, content: 90 }, 2))).toBe('ok');
    expect(() => checkPdps(rules, { ...full, 'diverse-learners': 14 }, 1)).toThrow(/disabilities and diverse learners/);
    expect(code(() => checkPdps(rules, { ...full, yoga: 5 }, 1))).toBe('unknown-pdp-category');
  });
});

import { describe, expect, it } from '@jest/globals';
import { matchProfile, type MatchCandidate } from './matching';

const record: MatchCandidate = {
  id: 'r1', firstName: 'Maria', lastName: 'Lopez', priorNames: ['Garcia'],
  dateOfBirth: new Date('1985-04-12T00:00:00Z'), ssnLast4Digest: 'd-1234', username: null,
};
const sub = { firstName: 'maria', lastName: 'LOPEZ', dateOfBirth: '1985-04-12', ssnLast4Digest: 'd-1234' };

describe('profile matching', () => {
  it('treats the same birth date, SSN digits and name as the same person, ignoring case', () => {
    expect(matchProfile(sub, [record])).toEqual({ kind: 'exact', record });
  });
  it('accepts a prior last name as the name', () => {
    expect(matchProfile({ ...sub, lastName: 'García' }, [record]).kind).toBe('exact');
  });
  it('sends a different last name with the same birth date and SSN digits to a person (partial)', () => {
    expect(matchProfile({ ...sub, lastName: 'Smith' }, [record])).toMatchObject({ kind: 'partial', reason: 'name-differs' });
  });
  it('sends the same name and birth date with different SSN digits to a person (partial)', () => {
    expect(matchProfile({ ...sub, ssnLast4Digest: 'd-9999' }, [record])).toMatchObject({ kind: 'partial', reason: 'ssn-differs' });
  });
  it('treats a different birth date as a different person', () => {
    expect(matchProfile({ ...sub, dateOfBirth: '1985-04-13' }, [record]).kind).toBe('none');
  });
  it('prefers an exact match over a partial one', () => {
    const other = { ...record, id: 'r2', lastName: 'Smith', priorNames: [] };
    expect(matchProfile(sub, [other, record])).toEqual({ kind: 'exact', record });
  });
});

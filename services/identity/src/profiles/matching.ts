/**
 * How a submitted profile is matched against existing records (educator-made, or made by DESE or a
 * directory administrator while entering license data or staff). The keys are the date of birth,
 * the SSN's last four digits (as a keyed digest) and the legal name.
 *
 * | DOB | SSN4 | first + last name | decision      | why |
 * |-----|------|-------------------|---------------|-----|
 * |  =  |  =   |        =          | exact         | all identity keys agree: the same person |
 * |  =  |  =   |        ≠          | partial       | same person with a changed name, or two people sharing keys: a human must decide |
 * |  =  |  ≠   |        =          | partial       | same person with a mistyped SSN, or namesakes born the same day: a human must decide |
 * |  ≠  |  any |       any         | none          | a different birth date is a different person (a typo there is fixed by a new profile + admin merge) |
 * Names compare case-, accent- and space-insensitively; a prior name of the record counts as its name.
 */
export interface MatchCandidate {
  id: string;
  firstName: string;
  lastName: string;
  priorNames: string[];
  dateOfBirth: Date;
  ssnLast4Digest: string;
  username: string | null;
}

export interface Submission {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ssnLast4Digest: string;
}

export type MatchResult =
  | { kind: 'none' }
  | { kind: 'exact'; record: MatchCandidate }
  | { kind: 'partial'; record: MatchCandidate; reason: 'name-differs' | 'ssn-differs' };

export const normalizeName = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

const sameDate = (a: Date, iso: string) => a.toISOString().slice(0, 10) === iso;

function namesAgree(c: MatchCandidate, s: Submission): boolean {
  const first = normalizeName(c.firstName) === normalizeName(s.firstName);
  const lastNames = [c.lastName, ...c.priorNames].map(normalizeName);
  return first && lastNames.includes(normalizeName(s.lastName));
}

/** Decides the outcome; exact matches win over partial ones when several records qualify. */
export function matchProfile(s: Submission, candidates: MatchCandidate[]): MatchResult {
  let partial: MatchResult | undefined;
  for (const c of candidates) {
    if (!sameDate(c.dateOfBirth, s.dateOfBirth)) continue;
    const ssn = c.ssnLast4Digest === s.ssnLast4Digest;
    const names = namesAgree(c, s);
    if (ssn && names) return { kind: 'exact', record: c };
    if (ssn && !names) partial ??= { kind: 'partial', record: c, reason: 'name-differs' };
    if (!ssn && names) partial ??= { kind: 'partial', record: c, reason: 'ssn-differs' };
  }
  return partial ?? { kind: 'none' };
}

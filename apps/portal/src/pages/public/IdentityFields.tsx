import { fieldProblem, type Problem } from '../../api/problems';
import { TextField } from '../../components/Field';

/** What a person proves to recover an account: name, birth date, last 4 SSN digits and email. */
export function IdentityFields({ problem }: { problem?: Problem }) {
  const e = (k: string) => fieldProblem(problem, `identity.${k}`);
  return (
    <>
      <TextField label="First name" name="firstName" autoComplete="given-name" required error={e('firstName')} />
      <TextField label="Last name" name="lastName" autoComplete="family-name" required error={e('lastName')} />
      <TextField label="Date of birth" name="dateOfBirth" type="date" autoComplete="bday" required error={e('dateOfBirth')} />
      <TextField label="Last 4 digits of your Social Security number" name="ssnLast4" inputMode="numeric" maxLength={4} required error={e('ssnLast4')} />
      <TextField label="Email on your profile" name="email" type="email" autoComplete="email" required error={e('email')} />
    </>
  );
}

export const identityFrom = (f: FormData) => ({
  firstName: String(f.get('firstName') ?? ''),
  lastName: String(f.get('lastName') ?? ''),
  dateOfBirth: String(f.get('dateOfBirth') ?? ''),
  ssnLast4: String(f.get('ssnLast4') ?? ''),
  email: String(f.get('email') ?? ''),
});

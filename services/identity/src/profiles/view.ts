import type { ProfileView } from '@elar/api';
import type { Organization, Profile } from '../generated/prisma/client';

/** What a profile looks like to its owner and to staff: never the date of birth or SSN digits. */
type ViewInput = Pick<Profile, 'mepid' | 'username' | 'role' | 'firstName' | 'middleName' | 'lastName' | 'email' | 'createdAt'> & {
  organization?: Pick<Organization, 'code' | 'name'> | null;
};

export function toProfileView(p: ViewInput): ProfileView {
  return {
    mepid: p.mepid,
    username: p.username,
    role: p.role.toLowerCase().replace(/_/g, '-'),
    firstName: p.firstName,
    middleName: p.middleName,
    lastName: p.lastName,
    email: p.email,
    organization: p.organization ? { code: p.organization.code, name: p.organization.name } : null,
    createdAt: p.createdAt.toISOString(),
  };
}

import type { Role } from '@elar/vocabulary';
import type { Profile } from '../generated/prisma/client';

/** The database's enum (`DIRECTORY_ADMIN`) in the API's words (`directory-admin`). */
export const roleOf = (p: Pick<Profile, 'role'>) => p.role.toLowerCase().replace(/_/g, '-') as Role;

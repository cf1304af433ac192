import { licensingInternal, type ResponseOf } from '@elar/internal-api';
import type { InternalClient } from './internal-client';

/** `expiresOn` is `YYYY-MM-DD`, or null for a license counted in years of employment. */
export type LicenseExpiry = ResponseOf<typeof licensingInternal.licenseExpiry>;

/** What the expiry-reminder workflow asks licensing before each email. */
export function createLicenseReminderActivities(deps: { licensing: InternalClient }) {
  return {
    currentLicenseExpiry: (licenseNumber: string): Promise<LicenseExpiry> => deps.licensing.call(licensingInternal.licenseExpiry, { licenseNumber }, {}),
  };
}

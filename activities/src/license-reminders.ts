import type { ServiceClient } from '@elar/http';

export interface LicenseExpiry {
  /** `YYYY-MM-DD`, or null for a license counted in years of employment. */
  expiresOn: string | null;
  status: string;
}

/** What the expiry-reminder workflow asks licensing before each email. */
export function createLicenseReminderActivities(deps: { licensing: ServiceClient }) {
  return {
    async currentLicenseExpiry(licenseNumber: string): Promise<LicenseExpiry> {
      const res = await deps.licensing.get<LicenseExpiry>(`/internal/licenses/${encodeURIComponent(licenseNumber)}/expiry`);
      return res.body;
    },
  };
}

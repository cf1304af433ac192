import type { ServiceClient } from '@elar/http';

export interface RecordStatusInput {
  /** Derived by the workflow (business id + step): the service records each key once. */
  idempotencyKey: string;
  applicationNumber: string;
  status: string;
  actor: string;
  evaluatorId?: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export interface OpenCorrespondenceInput {
  applicationNumber: string;
  sequence: number;
  evaluatorId: string;
  missingRequirements: string[];
  dueDate: string;
  letter?: string;
}

export interface IssueLicenseInput {
  idempotencyKey: string;
  applicationNumber: string;
  evaluatorId: string;
}

export interface IssuedLicenses {
  licenseNumbers: string[];
}

const path = (applicationNumber: string, rest: string) => `/internal/applications/${encodeURIComponent(applicationNumber)}/${rest}`;

/**
 * Thin calls to licensing's internal API. Every call carries a key (or a natural unique pair) the
 * service deduplicates on, so a retried activity or a replayed workflow changes nothing twice.
 */
export function createLicensingActivities(deps: { licensing: ServiceClient }) {
  return {
    async recordApplicationStatus(input: RecordStatusInput): Promise<void> {
      await deps.licensing.post(path(input.applicationNumber, 'status'), input);
    },
    async openCorrespondence(input: OpenCorrespondenceInput): Promise<{ correspondenceId: string }> {
      const res = await deps.licensing.post<{ correspondenceId: string }>(path(input.applicationNumber, 'correspondence'), input);
      return res.body;
    },
    async issueLicense(input: IssueLicenseInput): Promise<IssuedLicenses> {
      const res = await deps.licensing.post<IssuedLicenses>(path(input.applicationNumber, 'licenses'), input);
      return res.body;
    },
  };
}

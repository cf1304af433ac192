import { licensingInternal, type ResponseOf } from '@elar/internal-api';
import type { InternalClient, StepInput } from './internal-client';

/** Every input carries a key derived by the workflow (business id + step): the service acts once per key. */
export type RecordStatusInput = StepInput<typeof licensingInternal.recordApplicationStatus>;
export type OpenCorrespondenceInput = StepInput<typeof licensingInternal.openCorrespondence>;
export type IssueLicenseInput = StepInput<typeof licensingInternal.issueLicense>;
export type IssuedLicenses = ResponseOf<typeof licensingInternal.issueLicense>;

/** Licensing's internal API for the review workflows, one activity per route of the contract. */
export function createLicensingActivities(deps: { licensing: InternalClient }) {
  return {
    recordApplicationStatus: deps.licensing.step(licensingInternal.recordApplicationStatus),
    openCorrespondence: deps.licensing.step(licensingInternal.openCorrespondence),
    issueLicense: deps.licensing.step(licensingInternal.issueLicense),
  };
}

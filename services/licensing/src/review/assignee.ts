import { AppError, badRequest } from '@elar/errors';
import { callInternal, identityInternal } from '@elar/internal-api';
import { REFUSALS } from '@elar/vocabulary';
import type { LicensingDeps } from '../deps';
import { asLicensing } from '../identity-calls';

/** An application is assigned only to an evaluator: identity knows each profile's role. */
export async function requireEvaluator(deps: LicensingDeps, profileId: string): Promise<void> {
  let role: string | undefined;
  try {
    ({ role } = await callInternal(deps.identity, identityInternal.staffRole, { profileId }, {}, asLicensing));
  } catch (err) {
    if (!(err instanceof AppError && err.status === 404)) throw err;
  }
  if (role !== 'evaluator') throw badRequest(REFUSALS.notAnEvaluator, 'Applications can only be assigned to an evaluator.');
}

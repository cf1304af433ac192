import { callInternal, identityInternal } from '@elar/internal-api';
import type { LicensingDeps } from '../deps';
import { asLicensing } from '../identity-calls';

export interface EducatorEmail {
  /** The business event's own key (`application-submitted:<number>`): identity sends once per key. */
  idempotencyKey: string;
  profileId: string;
  template: 'application-submitted' | 'payment-received';
  data: Record<string, string | number>;
}

/**
 * Emails an educator about something they just did (identity renders and sends it, once per key).
 * The action itself has already succeeded, so a mail failure is logged, not returned (submitting
 * again tries the email again); the key makes sure a second one never goes out.
 */
export async function notifyEducator(deps: Pick<LicensingDeps, 'identity' | 'logger'>, email: EducatorEmail): Promise<void> {
  try {
    await callInternal(deps.identity, identityInternal.sendNotification, {}, email, asLicensing);
  } catch (err) {
    deps.logger.warn({ err, template: email.template }, 'confirmation email not sent');
  }
}

/** An application item as the email templates name it: `license:<type>:<field>:<grade>` or `endorsement:<id>`. */
export const itemDescriptor = (i: { kind: string; licenseType: string | null; field: string; gradeLevel: string | null }) =>
  i.kind === 'endorsement' ? `endorsement:${i.field}` : `license:${i.licenseType ?? ''}:${i.field}:${i.gradeLevel ?? ''}`;

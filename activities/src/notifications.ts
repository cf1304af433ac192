import { identityInternal } from '@elar/internal-api';
import type { InternalClient, StepInput } from './internal-client';
import type { ResponseOf } from '@elar/internal-api';

/** Derived by the workflow from its business id: the identity service sends once per key. */
export type SendNotificationInput = StepInput<typeof identityInternal.sendNotification>;
export type NotificationReceipt = ResponseOf<typeof identityInternal.sendNotification>;

/**
 * Email goes through the identity service, which knows the address and records each idempotency key,
 * so no email address enters workflow history and no retry sends twice.
 */
export function createNotificationActivities(deps: { identity: InternalClient }) {
  return {
    sendNotification: deps.identity.step(identityInternal.sendNotification),
  };
}

import type { ServiceClient } from '@elar/http';

export interface SendNotificationInput {
  /** Derived by the workflow from its business id: the identity service sends once per key. */
  idempotencyKey: string;
  profileId: string;
  template: string;
  data?: Record<string, string | number | boolean | null>;
}

export interface NotificationReceipt {
  notificationId: string;
  status: 'sent' | 'already-sent';
}

/**
 * Email goes through the identity service, which knows the address and records each idempotency key,
 * so no email address enters workflow history and no retry sends twice.
 */
export function createNotificationActivities(deps: { identity: ServiceClient }) {
  return {
    async sendNotification(input: SendNotificationInput): Promise<NotificationReceipt> {
      const res = await deps.identity.post<NotificationReceipt>('/internal/notifications', input);
      return res.body;
    },
  };
}

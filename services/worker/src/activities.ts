import {
  createHardCopyActivities, createInternalClient, createLicenseReminderActivities, createLicensingActivities, createNotificationActivities, createPartialMatchActivities,
  createReconcilerActivities, createRenewalActivities,
} from '@elar/activities';
import { INTERNAL_TOKEN_HEADER, createServiceClient, encodePrincipal, PRINCIPAL_HEADER } from '@elar/http';
import { TASK_QUEUES } from '@elar/vocabulary';
import type { WorkerConfig } from './env';

/** Builds the activities each task queue's workers run, over typed clients of the service APIs. */
export function createActivitiesByQueue(config: WorkerConfig) {
  const headers = {
    [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN,
    [PRINCIPAL_HEADER]: encodePrincipal({ userId: 'worker', role: 'system' }),
  };
  const identityHttp = createServiceClient({ name: 'identity', baseUrl: config.IDENTITY_URL, headers });
  const licensingHttp = createServiceClient({ name: 'licensing', baseUrl: config.LICENSING_URL, headers });
  // Typed from @elar/internal-api: a 4xx becomes a non-retryable ApplicationFailure typed by its code.
  const identity = createInternalClient(identityHttp);
  const licensing = createInternalClient(licensingHttp);
  const notifications = createNotificationActivities({ identity });
  const licensingActivities = createLicensingActivities({ licensing });
  const reconcilers = createReconcilerActivities({ identity, licensing });
  return {
    byQueue: {
      [TASK_QUEUES.identity]: { ...notifications, ...createPartialMatchActivities({ identity }), ...reconcilers },
      [TASK_QUEUES.licensing]: { ...notifications, ...licensingActivities, ...createRenewalActivities({ licensing }), ...createHardCopyActivities({ licensing }), ...createLicenseReminderActivities({ licensing }), ...reconcilers },
    } as Record<string, object>,
    close: async () => {
      await Promise.all([identityHttp.close(), licensingHttp.close()]);
    },
  };
}

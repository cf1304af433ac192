import type { createLicensingActivities, createNotificationActivities, createPartialMatchActivities } from '@elar/activities';

type AllActivities = ReturnType<typeof createNotificationActivities> &
  ReturnType<typeof createPartialMatchActivities> &
  ReturnType<typeof createLicensingActivities>;

/** Every activity the workflows call, answering as the services would, without any service. */
export function recordingActivities(): AllActivities {
  const ok = async () => ({ ok: true as const });
  return {
    sendNotification: async (input) => ({ notificationId: `n-${input.idempotencyKey}`, status: 'sent' }),
    notifyCaseOpened: ok,
    remindAdministrators: ok,
    escalateCase: ok,
    applyResolution: ok,
    recordApplicationStatus: async () => undefined,
    openCorrespondence: async (input) => ({ correspondenceId: `c-${input.applicationNumber}-${input.sequence}` }),
    issueLicense: async () => ({ licenseNumbers: ['500001'] }),
  };
}

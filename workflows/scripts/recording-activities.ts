import type {
  createHardCopyActivities, createLicensingActivities, createNotificationActivities, createPartialMatchActivities, createReconcilerActivities, createRenewalActivities,
} from '@elar/activities';

type AllActivities = ReturnType<typeof createNotificationActivities> &
  ReturnType<typeof createPartialMatchActivities> &
  ReturnType<typeof createLicensingActivities> &
  ReturnType<typeof createRenewalActivities> &
  ReturnType<typeof createHardCopyActivities> &
  ReturnType<typeof createReconcilerActivities>;

/** Every activity the workflows call, answering as the services would, without any service. */
export function recordingActivities(): AllActivities {
  const ok = async () => ({ ok: true as const });
  return {
    sendNotification: async (input) => ({ notificationId: `n-${input.idempotencyKey}`, status: 'sent' }),
    reconcileIdentity: async () => ({ onboardingStarted: 1, caseWorkflowsStarted: 0 }),
    reconcilePayments: async () => ({ settled: 1 }),
    notifyCaseOpened: ok,
    remindAdministrators: ok,
    escalateCase: ok,
    applyResolution: ok,
    recordApplicationStatus: async () => ({ recorded: true }),
    openCorrespondence: async (input) => ({ correspondenceId: `c-${input.applicationNumber}-${input.sequence}` }),
    issueLicense: async () => ({ licenseNumbers: ['500001'] }),
    recordRenewalStatus: async () => ({ recorded: true }),
    captureHardCopyPayment: async () => ({ receiptId: 'rcpt_rec', amountCents: 2500 }),
    renderHardCopyCertificate: async () => ({ sha256: 'rec', bytes: 1000 }),
    submitPrintJob: async (input) => ({ jobId: `PJ-${input.shipment}` }),
    cancelPrintJob: async () => ({ cancelled: true }),
    refundHardCopyPayment: async () => ({ refundId: 'rfnd_rec', amountCents: 2500 }),
    recordHardCopyStatus: async () => ({ recorded: true }),
  };
}

export { createNotificationActivities, type SendNotificationInput, type NotificationReceipt } from './notifications';
export { createPartialMatchActivities, type CaseStep, type ApplyResolutionInput } from './partial-match';
export {
  createLicensingActivities, type RecordStatusInput, type OpenCorrespondenceInput, type IssueLicenseInput, type IssuedLicenses,
} from './licensing';
export { createRenewalActivities, type RecordRenewalStatusInput } from './renewals';
export { createHardCopyActivities, type HardCopyStep, type HardCopyStatusReport } from './hard-copy';
export { createInternalClient, toActivityFailure, type InternalClient, type StepInput } from './internal-client';
export { createLicenseReminderActivities, type LicenseExpiry } from './license-reminders';
export { createReconcilerActivities } from './reconcilers';

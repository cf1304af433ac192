export { createNotificationActivities, type SendNotificationInput, type NotificationReceipt } from './notifications';
export { createPartialMatchActivities } from './partial-match';
export {
  createLicensingActivities, type RecordStatusInput, type OpenCorrespondenceInput, type IssueLicenseInput, type IssuedLicenses,
} from './licensing';
export { createRenewalActivities, type RecordRenewalStatusInput } from './renewals';
export { createHardCopyActivities, type HardCopyStep, type HardCopyStatusReport } from './hard-copy';
export { createLicenseReminderActivities, type LicenseExpiry } from './license-reminders';

export { createNotificationActivities, type SendNotificationInput, type NotificationReceipt } from './notifications';
export { createPartialMatchActivities } from './partial-match';

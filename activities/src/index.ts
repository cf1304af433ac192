export { createNotificationActivities, type SendNotificationInput, type NotificationReceipt } from './notifications';

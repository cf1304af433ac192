/** Every workflow the workers register; this file is the webpack bundle's entry point. */
export { profileOnboarding } from './profile-onboarding/workflow';
export { partialMatchEscalation } from './partial-match/workflow';
export { applicationReview } from './application-review/workflow';
export { correspondence } from './correspondence/workflow';
export { licenseRenewal } from './license-renewal/workflow';
export { hardCopyFulfillment } from './hard-copy/workflow';
export { licenseExpiryReminders } from './license-expiry-reminders/workflow';
export { identityReconciler, paymentsReconciler } from './reconcilers/workflow';

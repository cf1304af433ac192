/** What services, workers and tests import: contracts (ids, messages, inputs), search attributes, queues. */
export * from './profile-onboarding/contract';
export * from './application-review/contract';
export * from './correspondence/contract';
export const workflowsPath = require.resolve('./workflows');
/** Workflow interceptor modules every worker and replayer registers (request id onto activities). */
export const workflowInterceptorModules = [require.resolve('./shared/interceptors')];
export * from './partial-match/contract';
export * from './license-renewal/contract';
export * from './application-review/staff-updates-contract';
export * from './hard-copy/contract';
export * from './license-expiry-reminders/contract';
export * from './starters';

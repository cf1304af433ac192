/** What services, workers and tests import: contracts (ids, messages, inputs), search attributes, queues. */
export * from './shared/search-attributes';
export * from './shared/task-queues';
export * from './profile-onboarding/contract';
export * from './application-review/contract';
export * from './correspondence/contract';
export const workflowsPath = require.resolve('./workflows');
export * from './partial-match/contract';
export * from './hard-copy/contract';

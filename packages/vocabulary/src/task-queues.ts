/** Task queues, one per worker Deployment: identity processes and licensing processes scale apart. */
export const TASK_QUEUES = {
  identity: 'elar-identity',
  licensing: 'elar-licensing',
} as const;
export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];

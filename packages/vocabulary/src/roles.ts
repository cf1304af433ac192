/** Every role the system knows. `system` is a worker acting on a workflow's behalf. */
export const roles = ['educator', 'evaluator', 'directory-admin', 'customer-service', 'operator', 'system'] as const;
export type Role = (typeof roles)[number];

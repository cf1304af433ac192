import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable kebab-case code, e.g. validation-failed'),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const mepid = z.string().regex(/^\d{8}$/, 'must be 8 digits');
export const isoDate = z.iso.date();

/** Every role the system knows. `system` is a worker acting on a workflow's behalf. */
export const roles = ['educator', 'evaluator', 'directory-admin', 'customer-service', 'operator', 'system'] as const;
export type Role = (typeof roles)[number];

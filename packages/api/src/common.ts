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

export { roles, type Role } from '@elar/vocabulary';

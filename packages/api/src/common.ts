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

/** A person's birth date: a real calendar date, 1900-01-01 or later, and at least 14 years ago. */
export const birthDate = isoDate.describe('A date between 1900-01-01 and 14 years ago').refine(
  (d) => {
    const latest = new Date();
    latest.setUTCFullYear(latest.getUTCFullYear() - 14);
    return d >= '1900-01-01' && d <= latest.toISOString().slice(0, 10);
  },
  { message: 'must be a date between 1900-01-01 and 14 years ago' },
);

export { roles, type Role } from '@elar/vocabulary';

/**
 * An email address, checked by the same pattern the services use and the OpenAPI document shows
 * (`format: email` alone let clients send addresses the services then refused).
 */
export const emailAddress = z.string().max(254).regex(z.regexes.email, 'must be an email address');

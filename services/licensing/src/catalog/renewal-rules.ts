import { z } from 'zod';

/** Renewal policy values (DESE's numbers live in catalog.json, never in code). */
export const renewalRulesSchema = z.object({
  /** Catalog license types that can be renewed (Professional). */
  licenseTypes: z.array(z.string().min(1)).min(1),
  /** The renewal window opens this many months before the expiry date. */
  opensMonthsBeforeExpiry: z.number().int().min(0),
  /** The license must have been active this many years (from its issue date). */
  minimumActiveYears: z.number().int().min(0),
  /** A renewal adds this many calendar years to the old expiry date. */
  extendsYears: z.number().int().positive(),
  pdp: z.object({
    primary: z.number().positive(),
    perAdditional: z.number().nonnegative(),
    categories: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), minimum: z.number().nonnegative() })).min(1),
  }),
});

export type RenewalRules = z.infer<typeof renewalRulesSchema>;

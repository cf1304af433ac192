import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { renewalRulesSchema } from './renewal-rules';

const id = z.string().regex(/^[a-z0-9-]+$/);

const catalogSchema = z
  .object({
    version: z.number().int().positive(),
    currency: z.literal('USD'),
    fees: z.object({
      application: z.object({ firstCents: z.number().int().nonnegative(), additionalCents: z.number().int().nonnegative() }),
      renewal: z.object({ firstCents: z.number().int().nonnegative(), additionalCents: z.number().int().nonnegative() }),
    }),
    licenseTypes: z.array(
      z.object({
        id,
        name: z.string().min(1),
        validity: z.object({ kind: z.enum(['employment-years', 'calendar-years']), years: z.number().int().positive() }),
        extendable: z.boolean().default(false),
        renewable: z.boolean().default(false),
        requirements: z.array(id),
      }),
    ).min(1),
    categories: z.array(z.object({ id, name: z.string().min(1) })).min(1),
    fields: z.array(
      z.object({ id, name: z.string().min(1), category: id, coreAcademic: z.boolean(), gradeLevels: z.array(z.string().min(1)).min(1) }),
    ).min(1),
    endorsements: z.array(z.object({ id, name: z.string().min(1), requirements: z.array(id) })),
    requirements: z.array(z.object({ id, name: z.string().min(1), coreAcademicOnly: z.boolean().default(false) })).min(1),
    renewal: renewalRulesSchema,
    /** When holders of an expiring license are emailed: months before expiry, and the day itself. */
    expiryReminders: z.object({ monthsBefore: z.array(z.number().int().min(1).max(36)), onExpiryDay: z.boolean() }),
  })
  .superRefine((c, ctx) => {
    const reqs = new Set(c.requirements.map((r) => r.id));
    const cats = new Set(c.categories.map((x) => x.id));
    for (const t of [...c.licenseTypes, ...c.endorsements]) {
      for (const r of t.requirements) if (!reqs.has(r)) ctx.addIssue({ code: 'custom', message: `${t.id} needs unknown requirement ${r}` });
    }
    for (const f of c.fields) if (!cats.has(f.category)) ctx.addIssue({ code: 'custom', message: `${f.id} has unknown category ${f.category}` });
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type LicenseTypeEntry = Catalog['licenseTypes'][number];

/** The editable catalog file shipped with the service. */
export const DEFAULT_CATALOG_PATH = join(__dirname, '..', '..', 'catalog', 'catalog.json');

/** Reads and validates the catalog; a malformed file stops the service at start with the reason. */
export function loadCatalog(path = DEFAULT_CATALOG_PATH): Catalog {
  return catalogSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Fee for an application: first item at the first-license price, each further item at the additional price. */
export const applicationFeeCents = (catalog: Catalog, items: number) => tieredFeeCents(catalog.fees.application, items);

/** First item at `firstCents`, each further one at `additionalCents` (applications and renewals alike). */
export const tieredFeeCents = (fee: { firstCents: number; additionalCents: number }, items: number) =>
  items <= 0 ? 0 : fee.firstCents + (items - 1) * fee.additionalCents;

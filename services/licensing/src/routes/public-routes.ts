import type { Express } from 'express';
import { licenseLookupQuery } from '@elar/api';
import { parse } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { toPublicLicense } from '../licenses/license-views';

/** The public lookup answers at most this many licenses: it is a lookup, not a way to copy the register. */
export const LOOKUP_MAX_RESULTS = 25;

export function mountPublicRoutes(app: Express, deps: LicensingDeps): void {
  app.get('/catalog', (_req, res) => {
    res.json(deps.catalog);
  });

  app.get('/licenses/lookup', async (req, res) => {
    const q = parse(licenseLookupQuery, req.query);
    if (!q.name && !q.licenseNumber && !q.verificationCode) return void res.json({ licenses: [] });
    // Prisma compares case-insensitively with ILIKE: escape its wildcards so a name matches only itself.
    const parts = (q.name ?? '').split(/\s+/).filter(Boolean).map((p) => p.replace(/[\\%_]/g, '\\$&'));
    const rows = await deps.db.license.findMany({
      where: q.verificationCode
        ? { verificationCode: q.verificationCode }
        : q.licenseNumber
        ? { licenseNumber: q.licenseNumber }
        : { AND: parts.map((p) => ({ OR: [{ holderFirstName: { equals: p, mode: 'insensitive' as const } }, { holderLastName: { equals: p, mode: 'insensitive' as const } }] })) },
      orderBy: [{ holderLastName: 'asc' }, { issueDate: 'desc' }],
      take: LOOKUP_MAX_RESULTS,
    });
    res.json({ licenses: rows.map((l) => toPublicLicense(deps.catalog, l)) });
  });
}

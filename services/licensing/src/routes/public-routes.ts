import type { Express } from 'express';
import { licenseLookupQuery } from '@elar/api';
import { parse } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { toPublicLicense } from '../licenses/license-views';

export function mountPublicRoutes(app: Express, deps: LicensingDeps): void {
  app.get('/catalog', (_req, res) => {
    res.json(deps.catalog);
  });

  app.get('/licenses/lookup', async (req, res) => {
    const q = parse(licenseLookupQuery, req.query);
    const parts = (q.name ?? '').split(/\s+/).filter(Boolean);
    const rows = await deps.db.license.findMany({
      where: q.verificationCode
        ? { verificationCode: q.verificationCode }
        : q.licenseNumber
        ? { licenseNumber: q.licenseNumber }
        : { AND: parts.map((p) => ({ OR: [{ holderFirstName: { equals: p, mode: 'insensitive' as const } }, { holderLastName: { equals: p, mode: 'insensitive' as const } }] })) },
      orderBy: [{ holderLastName: 'asc' }, { issueDate: 'desc' }],
      take: 50,
    });
    res.json({ licenses: rows.map((l) => toPublicLicense(deps.catalog, l)) });
  });
}

import { createHash } from 'node:crypto';
import type { Express } from 'express';
import { licenseLookupQuery } from '@elar/api';
import { parse } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { toPublicLicense } from '../licenses/license-views';

/** The public lookup answers at most this many licenses: it is a lookup, not a way to copy the register. */
export const LOOKUP_MAX_RESULTS = 25;

export function mountPublicRoutes(app: Express, deps: LicensingDeps): void {
  // The catalog changes only with a restart: serialized once, and revalidated by ETag (304, no body).
  const catalogBody = Buffer.from(JSON.stringify(deps.catalog));
  const catalogTag = `"${createHash('sha256').update(catalogBody).digest('base64url').slice(0, 27)}"`;
  app.get('/catalog', (req, res) => {
    res.setHeader('etag', catalogTag);
    res.setHeader('cache-control', 'public, max-age=300');
    if (req.headers['if-none-match'] === catalogTag) {
      res.status(304).end();
      return;
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(catalogBody);
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

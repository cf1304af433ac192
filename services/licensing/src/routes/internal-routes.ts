import type { Express } from 'express';
import { z } from 'zod';
import { applicationParams } from '@elar/api';
import { notFound } from '@elar/errors';
import { parse, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../app';
import { recordEvent } from '../applications/timeline';
import { isUniqueViolation } from '../db/client';
import { issueLicenses } from '../licenses/issue-licenses';

const statusReport = z.object({
  idempotencyKey: z.string().min(8).max(200),
  status: z.enum(['Ready for Review', 'Under Review', 'Awaiting Applicant', 'Issued', 'Denied', 'Withdrawn', 'Closed Incomplete']),
  actor: z.string().min(1).max(120),
  evaluatorId: z.string().optional(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).optional(),
});

const letterReport = z.object({
  sequence: z.number().int().min(1),
  evaluatorId: z.string().min(1),
  missingRequirements: z.array(z.string()).min(1),
  dueDate: z.iso.datetime(),
  letter: z.string().optional(),
});

/** What workers report from the review workflows; every report is deduplicated (key or natural unique pair). */
export function mountInternalRoutes(app: Express, deps: LicensingDeps): void {
  /** The expiry-reminder workflow asks this before each email: a renewed license has moved on. */
  app.get('/internal/licenses/:licenseNumber/expiry', async (req, res) => {
    const license = await deps.db.license.findUnique({ where: { licenseNumber: req.params.licenseNumber! }, select: { expiresAt: true, status: true } });
    if (!license) throw notFound('license-not-found', 'No such license.');
    res.json({ expiresOn: license.expiresAt ? license.expiresAt.toISOString().slice(0, 10) : null, status: license.status });
  });

  const load = async (applicationNumber: string) => {
    const a = await deps.db.application.findUnique({ where: { applicationNumber } });
    if (!a) throw notFound('application-not-found', 'No such application.');
    return a;
  };

  app.post('/internal/applications/:applicationNumber/status', async (req, res) => {
    readPrincipal(req, ['system']);
    const { applicationNumber } = parse(applicationParams, req.params);
    const body = parse(statusReport, req.body);
    if (!(await deps.db.applicationEvent.findUnique({ where: { idempotencyKey: body.idempotencyKey } }))) {
      const a = await load(applicationNumber);
      try {
        await recordEvent(deps, a, {
          actor: body.actor, type: 'status-changed', status: body.status, evaluatorId: body.evaluatorId,
          idempotencyKey: body.idempotencyKey, detail: { status: body.status, ...body.detail },
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      if (body.status === 'Closed Incomplete' || body.status === 'Withdrawn') {
        const status = body.status === 'Withdrawn' ? 'withdrawn' : 'expired';
        await deps.db.correspondence.updateMany({ where: { applicationId: a.id, status: 'open' }, data: { status } });
      }
    }
    res.status(204).end();
  });

  app.post('/internal/applications/:applicationNumber/correspondence', async (req, res) => {
    readPrincipal(req, ['system']);
    const { applicationNumber } = parse(applicationParams, req.params);
    const body = parse(letterReport, req.body);
    const a = await load(applicationNumber);
    const names = body.missingRequirements.map((id) => deps.catalog.requirements.find((r) => r.id === id)?.name ?? id);
    const letter = body.letter ?? `Your application ${applicationNumber} needs: ${names.join('; ')}. Please upload them and reply by ${body.dueDate.slice(0, 10)}.`;
    const row = await deps.db.correspondence.upsert({
      where: { applicationId_sequence: { applicationId: a.id, sequence: body.sequence } },
      update: {},
      create: {
        applicationId: a.id, sequence: body.sequence, evaluatorId: body.evaluatorId, letter,
        missingRequirements: body.missingRequirements, dueDate: new Date(body.dueDate), status: 'open',
      },
    });
    res.json({ correspondenceId: row.id });
  });

  app.post('/internal/applications/:applicationNumber/licenses', async (req, res) => {
    readPrincipal(req, ['system']);
    const { applicationNumber } = parse(applicationParams, req.params);
    const body = parse(z.object({ idempotencyKey: z.string().min(8), evaluatorId: z.string().min(1) }), req.body);
    res.json(await issueLicenses(deps, applicationNumber, body.evaluatorId));
  });
}

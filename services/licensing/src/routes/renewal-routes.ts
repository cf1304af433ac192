import type { Express } from 'express';
import { createRenewalRequest, payRequest, renewalDecisionRequest, renewalParams } from '@elar/api';
import { conflict } from '@elar/errors';
import { parse, readPrincipal } from '@elar/http';
import { licenseRenewalWorkflowId, renewalDecisionUpdate } from '@elar/workflows';
import type { LicensingDeps } from '../deps';
import { createRenewal } from '../renewals/create-renewal';
import { payRenewal, renewalFor } from '../renewals/pay-renewal';
import { toRenewalView } from '../renewals/renewal-view';
import { runUpdate } from '@elar/temporal';
import { PROCESS_NOT_RUNNING, REFUSALS } from '@elar/vocabulary';

export function mountRenewalRoutes(app: Express, deps: LicensingDeps): void {
  app.post('/renewals', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    res.status(201).json(toRenewalView(await createRenewal(deps, principal, parse(createRenewalRequest, req.body))));
  });

  app.get('/renewals', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const rows = await deps.db.renewal.findMany({ where: { profileId: principal.userId }, include: { payments: true }, orderBy: { createdAt: 'desc' } });
    res.json({ renewals: rows.map(toRenewalView) });
  });

  app.get('/renewals/:renewalNumber', async (req, res) => {
    const principal = readPrincipal(req, ['educator', 'evaluator']);
    res.json(toRenewalView(await renewalFor(deps, principal, parse(renewalParams, req.params).renewalNumber)));
  });

  app.post('/renewals/:renewalNumber/payments', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { renewalNumber } = parse(renewalParams, req.params);
    const result = await payRenewal(deps, principal, renewalNumber, parse(payRequest, req.body));
    res.status(result.created ? 201 : 200).json(result.receipt);
  });

  app.get('/review/renewals', async (req, res) => {
    readPrincipal(req, ['evaluator']);
    const rows = await deps.db.renewal.findMany({ where: { status: 'Under Review' }, include: { payments: true }, orderBy: { createdAt: 'asc' }, take: 200 });
    res.json({ renewals: rows.map(toRenewalView) });
  });

  app.post('/renewals/:renewalNumber/decisions', async (req, res) => {
    const principal = readPrincipal(req, ['evaluator', 'customer-service']);
    const r = await renewalFor(deps, principal, parse(renewalParams, req.params).renewalNumber);
    if (!r.audit) throw conflict(REFUSALS.wrongState, 'Only renewals sampled for audit are decided by an evaluator.');
    if (principal.role === 'customer-service' && r.status !== 'Escalated') throw conflict(REFUSALS.wrongState, 'Customer service decides a renewal audit once it is Escalated.');
    const body = parse(renewalDecisionRequest, req.body);
    const handle = deps.temporal.client.workflow.getHandle(licenseRenewalWorkflowId(r.renewalNumber));
    await runUpdate(() => handle.executeUpdate(renewalDecisionUpdate, { args: [{ ...body, evaluatorId: principal.userId }] }), PROCESS_NOT_RUNNING.renewal);
    res.json(toRenewalView(await renewalFor(deps, principal, r.renewalNumber)));
  });
}

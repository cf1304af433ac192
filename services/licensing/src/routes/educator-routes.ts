import type { Express } from 'express';
import {
  applicationParams, correspondenceParams, createApplicationRequest, payRequest, replyRequest,
} from '@elar/api';
import { PRINCIPAL_HEADER, parse, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { applicationFor, visibleTo } from '../applications/access';
import { checklist } from '../applications/checklist';
import { createApplication } from '../applications/create-application';
import { discardDraft } from '../applications/discard-draft';
import { toSummary } from '../applications/view';
import { readStatus } from '../db/hot-reads';
import { receiveDocument } from '../documents/receive-document';
import { toLicenseView } from '../licenses/license-views';
import { payApplication } from '../payments/pay-application';
import { replyToLetter } from '../review/reply';
import { submitApplication } from '../review/submit';
import { streamStatus } from './status-stream';

const either = ['educator', 'evaluator'] as const;

export function mountEducatorRoutes(app: Express, deps: LicensingDeps): void {
  app.post('/applications', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const body = parse(createApplicationRequest, req.body);
    // The holder's name, for the public lookup once a license is issued, comes from identity.
    const me = await deps.identity.get<{ firstName: string; lastName: string }>('/me', { headers: { [PRINCIPAL_HEADER]: req.header(PRINCIPAL_HEADER)! } });
    const created = await createApplication(deps, principal, me.body, body);
    res.status(201).json(toSummary(deps.catalog, created));
  });

  app.get('/applications', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const rows = await deps.db.application.findMany({
      where: { profileId: principal.userId },
      include: { items: { orderBy: { position: 'asc' } }, payments: true },
      orderBy: { createdAt: 'desc' },
    });
    res.json({ applications: rows.map((a) => toSummary(deps.catalog, a)) });
  });

  app.delete('/applications/:applicationNumber', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    await discardDraft(deps, principal, applicationNumber);
    res.status(204).end();
  });

  app.get('/applications/:applicationNumber/checklist', async (req, res) => {
    const principal = readPrincipal(req, either);
    const { applicationNumber } = parse(applicationParams, req.params);
    const a = await applicationFor(deps.db, principal, applicationNumber);
    res.json({ checklist: checklist(deps.catalog, a.items, a.documents) });
  });

  app.post('/applications/:applicationNumber/documents', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.status(201).json(await receiveDocument(deps, principal, applicationNumber, req));
  });

  app.post('/applications/:applicationNumber/payments', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    const result = await payApplication(deps, principal, applicationNumber, parse(payRequest, req.body));
    res.status(result.created ? 201 : 200).json(result.receipt);
  });

  app.post('/applications/:applicationNumber/submit', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.status(202).json(toSummary(deps.catalog, await submitApplication(deps, principal, applicationNumber)));
  });

  app.post('/applications/:applicationNumber/correspondence/:sequence/reply', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber, sequence } = parse(correspondenceParams, req.params);
    const { message } = parse(replyRequest, req.body);
    res.status(202).json(await replyToLetter(deps, principal, applicationNumber, sequence, message));
  });

  /** SSE: the current status at once, then each change; a comment every 15 s keeps proxies from closing it. */
  app.get('/applications/:applicationNumber/events', async (req, res) => {
    const principal = readPrincipal(req, either);
    const { applicationNumber } = parse(applicationParams, req.params);
    const current = visibleTo(principal, await readStatus(deps.db, applicationNumber));
    streamStatus(deps, req, res, { number: applicationNumber, status: current.status, at: current.updatedAt });
  });

  app.get('/licenses/mine', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const rows = await deps.db.license.findMany({ where: { profileId: principal.userId }, orderBy: { issueDate: 'desc' } });
    res.json({ licenses: rows.map(toLicenseView) });
  });
}

import type { Express } from 'express';
import { applicationParams, decisionRequest } from '@elar/api';
import { parse, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { claimApplication, decide } from '../review/review-updates';

export function mountEvaluatorRoutes(app: Express, deps: LicensingDeps): void {
  app.post('/applications/:applicationNumber/claim', async (req, res) => {
    const principal = readPrincipal(req, ['evaluator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.json(await claimApplication(deps, principal, applicationNumber));
  });

  app.post('/applications/:applicationNumber/decisions', async (req, res) => {
    const principal = readPrincipal(req, ['evaluator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.json(await decide(deps, principal, applicationNumber, parse(decisionRequest, req.body)));
  });
}

import type { Express } from 'express';
import { caseResolutionRequest } from '@elar/api';
import { AppError, conflict, forbidden, notFound } from '@elar/errors';
import { runUpdate } from '@elar/temporal';
import { PROCESS_NOT_RUNNING } from '@elar/vocabulary';
import { parse, readPrincipal } from '@elar/http';
import { partialMatchWorkflowId, resolutionStatus, resolvePartialMatchUpdate } from '@elar/workflows';
import { identityInternal, mountInternalRoute } from '@elar/internal-api';
import type { IdentityDeps } from '../deps';
import { createCaseSteps } from './case-steps';
import { audit } from '../audit/audit';

const caseView = (c: { caseNumber: string; status: string; reason: string; organizationId: string | null; createdAt: Date; resolvedAt: Date | null }) => ({
  caseNumber: c.caseNumber,
  status: c.status.toLowerCase().replace(/_/g, '-'),
  reason: c.reason,
  organizationId: c.organizationId,
  createdAt: c.createdAt.toISOString(),
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
});

/** Directory administrators see and decide their organization's cases; customer service sees all. */
export function mountPartialMatchRoutes(app: Express, deps: IdentityDeps): void {
  const steps = createCaseSteps(deps);

  app.get('/partial-match-cases', async (req, res) => {
    const who = readPrincipal(req, ['directory-admin', 'customer-service']);
    const where = who.role === 'directory-admin' ? { organizationId: who.organizationId ?? '-' } : {};
    const cases = await deps.db.partialMatchCase.findMany({ where, orderBy: { createdAt: 'desc' }, take: 200 });
    res.json({ cases: cases.map(caseView) });
  });

  app.post('/partial-match-cases/:caseNumber/resolution', async (req, res) => {
    const who = readPrincipal(req, ['directory-admin', 'customer-service']);
    const body = parse(caseResolutionRequest, req.body);
    const c = await deps.db.partialMatchCase.findUnique({ where: { caseNumber: req.params.caseNumber } });
    if (!c) throw notFound('case-not-found', 'No such partial-match case.');
    if (who.role === 'directory-admin' && c.organizationId !== who.organizationId) throw forbidden('other-organization', 'This case belongs to another organization.');
    // A decided case whose workflow has ended answers 409 case-already-resolved, like one still finishing.
    if (c.resolvedAt) throw conflict(PROCESS_NOT_RUNNING.case.code, PROCESS_NOT_RUNNING.case.message);
    try {
      await runUpdate(
        () => deps.temporal.client.workflow.getHandle(partialMatchWorkflowId(c.caseNumber)).executeUpdate(resolvePartialMatchUpdate, {
          args: [{ action: body.action, note: body.note, actorId: who.userId, actorRole: who.role as 'directory-admin' | 'customer-service' }],
        }),
        PROCESS_NOT_RUNNING.case,
      );
    } catch (err) {
      if (err instanceof AppError) {
        await audit(deps.db, { action: 'case.decided', outcome: `refused:${err.code}`, actorId: who.userId, subjectId: c.recordId, detail: { caseNumber: c.caseNumber } });
      }
      throw err;
    }
    deps.logger.info({ caseNumber: c.caseNumber, action: body.action }, 'partial-match case decided');
    await audit(deps.db, { action: 'case.decided', outcome: body.action, actorId: who.userId, subjectId: c.recordId, detail: { caseNumber: c.caseNumber } });
    // The Update records the decision and returns; the status it leads to is the answer (the workflow applies it next).
    res.json({ caseNumber: c.caseNumber, accepted: true, status: resolutionStatus[body.action] });
  });

  // The workflow's steps (@elar/internal-api), each safe to repeat with its key.
  const done = { ok: true } as const;
  mountInternalRoute(app, identityInternal.notifyCaseOpened, async ({ params, body }) => (await steps.notifyOpened(params.caseNumber, body.idempotencyKey), done));
  mountInternalRoute(app, identityInternal.remindAdministrators, async ({ params, body }) => (await steps.remind(params.caseNumber, body.idempotencyKey), done));
  mountInternalRoute(app, identityInternal.escalateCase, async ({ params, body }) => (await steps.escalate(params.caseNumber, body.idempotencyKey), done));
  mountInternalRoute(app, identityInternal.applyResolution, async ({ params, body }) => {
    await steps.applyResolution(params.caseNumber, body.idempotencyKey, body.action, body.actorId, body.note);
    return done;
  });
}

import type { Express } from 'express';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { caseResolutionRequest } from '@elar/api';
import { AppError, forbidden, notFound } from '@elar/errors';
import { parse, readPrincipal } from '@elar/http';
import { partialMatchWorkflowId, resolvePartialMatchUpdate } from '@elar/workflows';
import { z } from 'zod';
import type { IdentityDeps } from '../app';
import { createCaseSteps } from './case-steps';
import { audit } from '../audit/audit';

const stepBody = z.object({ idempotencyKey: z.string().min(8), action: z.string().optional(), actorId: z.string().optional(), note: z.string().optional() });

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
    const c = await deps.db.partialMatchCase.findUnique({ where: { caseNumber: req.params.caseNumber! } });
    if (!c) throw notFound('case-not-found', 'No such partial-match case.');
    if (who.role === 'directory-admin' && c.organizationId !== who.organizationId) throw forbidden('other-organization', 'This case belongs to another organization.');
    try {
      const state = await deps.temporal.client.workflow
        .getHandle(partialMatchWorkflowId(c.caseNumber))
        .executeUpdate(resolvePartialMatchUpdate, {
          args: [{ action: body.action, note: body.note, actorId: who.userId, actorRole: who.role as 'directory-admin' | 'customer-service' }],
        });
      deps.logger.info({ caseNumber: c.caseNumber, action: body.action }, 'partial-match case decided');
      await audit(deps.db, { action: 'case.decided', outcome: body.action, actorId: who.userId, subjectId: c.recordId, detail: { caseNumber: c.caseNumber } });
      res.json({ caseNumber: c.caseNumber, accepted: true, status: state.status });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        const message = String((err.cause as Error | undefined)?.message ?? '');
        const code = message.split(':')[0] || 'decision-refused';
        await audit(deps.db, { action: 'case.decided', outcome: `refused:${code}`, actorId: who.userId, subjectId: c.recordId, detail: { caseNumber: c.caseNumber } });
        throw new AppError(409, code, message.split(': ').slice(1).join(': ') || 'The decision was refused.');
      }
      throw err;
    }
  });

  app.post('/internal/partial-match-cases/:caseNumber/:step', async (req, res) => {
    const body = parse(stepBody, req.body);
    const caseNumber = req.params.caseNumber!;
    switch (req.params.step) {
      case 'notify-opened': await steps.notifyOpened(caseNumber, body.idempotencyKey); break;
      case 'remind': await steps.remind(caseNumber, body.idempotencyKey); break;
      case 'escalate': await steps.escalate(caseNumber, body.idempotencyKey); break;
      case 'apply-resolution': await steps.applyResolution(caseNumber, body.idempotencyKey, body.action ?? '', body.actorId ?? '', body.note); break;
      default: throw notFound('route-not-found', 'No such case step.');
    }
    res.json({ ok: true });
  });
}

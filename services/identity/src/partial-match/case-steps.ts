import { notFound } from '@elar/errors';
import type { Mailer } from '@elar/mail';
import type { Db } from '../db/client';
import { deliver } from '../notifications/send-notification';
import type { Onboarding } from '../profiles/onboarding';
import { createProfileFromSubmission } from './create-from-submission';
import type { HashedSubmission } from '../profiles/submission';

export interface CaseStepDeps {
  db: Db;
  mailer: Mailer;
  onboarding: Onboarding;
}

async function loadCase(db: Db, caseNumber: string) {
  const c = await db.partialMatchCase.findUnique({ where: { caseNumber } });
  if (!c) throw notFound('case-not-found', `No partial-match case ${caseNumber}.`);
  const record = await db.profile.findUniqueOrThrow({ where: { id: c.recordId } });
  return { c, record };
}

/** Directory administrators of the case's organization, or customer service when there is none. */
async function deciders(db: Db, organizationId: string | null) {
  const admins = organizationId
    ? await db.profile.findMany({ where: { role: 'DIRECTORY_ADMIN', organizationId, email: { not: null } } })
    : [];
  return admins.length ? admins : db.profile.findMany({ where: { role: 'CUSTOMER_SERVICE', email: { not: null } } });
}

async function mailEach(deps: CaseStepDeps, key: string, people: { id: string; email: string | null }[], template: string, data: Record<string, unknown>) {
  for (const p of people) {
    await deliver(deps.db, deps.mailer, { idempotencyKey: `${key}:${p.id}`, to: p.email!, profileId: p.id, template, data });
  }
}

/** The steps the partial-match workflow's activities call. Each is safe to repeat with the same key. */
export function createCaseSteps(deps: CaseStepDeps) {
  return {
    async notifyOpened(caseNumber: string, key: string) {
      const { c, record } = await loadCase(deps.db, caseNumber);
      const data = { caseNumber, recordMepid: record.mepid };
      await deliver(deps.db, deps.mailer, { idempotencyKey: `${key}:educator`, to: c.submitterEmail, template: 'partial-match-opened-educator', data });
      await mailEach(deps, key, await deciders(deps.db, c.organizationId), 'partial-match-opened-admin', data);
    },
    async remind(caseNumber: string, key: string) {
      const { c, record } = await loadCase(deps.db, caseNumber);
      await mailEach(deps, key, await deciders(deps.db, c.organizationId), 'partial-match-reminder', { caseNumber, recordMepid: record.mepid });
    },
    async escalate(caseNumber: string, key: string) {
      const { c, record } = await loadCase(deps.db, caseNumber);
      await deps.db.partialMatchCase.updateMany({ where: { id: c.id, status: 'OPEN' }, data: { status: 'ESCALATED' } });
      const service = await deps.db.profile.findMany({ where: { role: 'CUSTOMER_SERVICE', email: { not: null } } });
      await mailEach(deps, key, service, 'partial-match-escalated', { caseNumber, recordMepid: record.mepid });
    },
    async applyResolution(caseNumber: string, key: string, action: string, actorId: string, note?: string) {
      const { c } = await loadCase(deps.db, caseNumber);
      let outcome: string;
      let nextStep: string;
      if (action === 'different-people') {
        const created = await createProfileFromSubmission(deps.db, c.id, c.submission as unknown as HashedSubmission);
        await deps.onboarding.start({ profileId: created.id, mepid: created.mepid });
        outcome = `you are a different person from the existing record, so your profile was created (MEPID ${created.mepid}).`;
        nextStep = `sign in with your user name ${created.username} and the password you chose.`;
      } else if (action === 'correct-record') {
        outcome = 'the existing record was corrected by your organization.';
        nextStep = 'submit your profile again; it will now match your corrected record.';
      } else {
        outcome = 'your submission could not be matched to a person and was not accepted.';
        nextStep = 'contact DESE customer service with your case number.';
      }
      const status = action === 'different-people' ? 'RESOLVED_DIFFERENT_PEOPLE' : action === 'correct-record' ? 'RESOLVED_CORRECTED' : 'REJECTED';
      await deps.db.partialMatchCase.update({ where: { id: c.id }, data: { status, resolvedById: actorId, resolvedAt: c.resolvedAt ?? new Date(), ...(action === 'different-people' ? {} : { resolution: note ?? action }) } });
      await deliver(deps.db, deps.mailer, { idempotencyKey: `${key}:educator`, to: c.submitterEmail, template: 'partial-match-outcome', data: { caseNumber, outcome, nextStep } });
    },
  };
}

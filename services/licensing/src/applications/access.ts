import { notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { Db } from '../db/client';

export const includeAll = {
  items: { orderBy: { position: 'asc' as const } },
  documents: { orderBy: { createdAt: 'asc' as const } },
  payments: true,
  events: { orderBy: { at: 'asc' as const } },
  correspondence: { orderBy: { sequence: 'asc' as const } },
};

/** The application if the caller may see it: its owner, or any evaluator. Others get 404 (no probing). */
export function visibleTo<A extends { profileId: string }>(principal: Principal, app: A | null | undefined): A {
  if (!app || (principal.role === 'educator' && app.profileId !== principal.userId) || !['educator', 'evaluator', 'system'].includes(principal.role)) {
    throw notFound('application-not-found', 'No such application.');
  }
  return app;
}

export async function applicationFor(db: Db, principal: Principal, applicationNumber: string) {
  return visibleTo(principal, await db.application.findUnique({ where: { applicationNumber }, include: includeAll }));
}
export type FullApplication = Awaited<ReturnType<typeof applicationFor>>;

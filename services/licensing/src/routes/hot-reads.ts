import { applicationParams, queueQuery } from '@elar/api';
import { parse, readPrincipal, type HotRead } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { visibleTo } from '../applications/access';
import { withInternalNotes } from '../applications/internal-notes';
import { toDetail } from '../applications/view';
import { readDetail } from '../db/hot-reads';
import { queueEstimate } from '../review/queue-estimate';
import { reviewQueue } from '../review/queue';

/**
 * Licensing's hot reads, answered before Express (HotRead): an application's detail and status,
 * which educators and the portal poll, and the evaluators' review queue.
 */
export const licensingHotReads = (deps: LicensingDeps): HotRead[] => [
  {
    path: '/applications/:applicationNumber',
    async read(req, params) {
      const principal = readPrincipal(req, ['educator', 'evaluator']);
      const { applicationNumber } = parse(applicationParams, params);
      const a = visibleTo(principal, await readDetail(deps.db, applicationNumber, principal.role !== 'educator'));
      const detail = toDetail(deps.catalog, a);
      return { ...detail, timeline: withInternalNotes(detail.timeline, a.notes), queue: queueEstimate(a) };
    },
  },
  {
    path: '/review/queue',
    async read(req, _params, query) {
      readPrincipal(req, ['evaluator']);
      return { queue: await reviewQueue(deps.db, parse(queueQuery, query)) };
    },
  },
];

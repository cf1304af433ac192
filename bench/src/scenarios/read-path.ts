import type { Stack } from '@elar/devstack';
import { HOT_SQL as IDENTITY_SQL } from '../../../services/identity/src/db/hot-reads';
import { HOT_SQL as LICENSING_SQL } from '../../../services/licensing/src/db/hot-reads';
import type { Actor } from '../actors';
import { measure } from '../measure';
import { pgFloor } from '../pg-floor';
import type { Row } from '../report';

export interface ReadPathInput {
  educator: Actor;
  evaluator: Actor;
  /** A submitted application of the educator (Ready for Review: the detail includes its queue place). */
  applicationNumber: string;
  connections: number;
  seconds: number;
}

/**
 * For each hot read, side by side in one run: its SQL through pg (the floor), the service called
 * directly (internal token + principal, as the gateway forwards) and the same route through the
 * gateway. Goals: service >= 0.5x the floor, gateway >= 0.8x the service.
 */
export async function readPath(stack: Stack, input: ReadPathInput): Promise<Row[]> {
  const { educator, evaluator, applicationNumber: n, connections, seconds } = input;
  const reads = [
    {
      name: 'GET /me', database: stack.databaseUrls.identity, sql: IDENTITY_SQL.profileView, values: [educator.principal.userId],
      service: `${stack.env.IDENTITY_URL}/me`, gateway: `${stack.gatewayUrl}/api/v1/me`, who: educator,
    },
    {
      name: 'GET /applications/{n}', database: stack.databaseUrls.licensing, sql: LICENSING_SQL.detail, values: [n, false],
      service: `${stack.env.LICENSING_URL}/applications/${n}`, gateway: `${stack.gatewayUrl}/api/v1/applications/${n}`, who: educator,
    },
    {
      name: 'GET /review/queue', database: stack.databaseUrls.licensing, sql: LICENSING_SQL.queue,
      values: [['Ready for Review', 'Under Review', 'Awaiting Applicant'], null, null, null],
      service: `${stack.env.LICENSING_URL}/review/queue`, gateway: `${stack.gatewayUrl}/api/v1/review/queue`, who: evaluator,
    },
  ];
  const rows: Row[] = [];
  const load = { connections, durationSeconds: seconds };
  const warm = { connections, durationSeconds: 1 };
  for (const r of reads) {
    await measure('warm-up', r.service, r.who.serviceHeaders, warm);
    await measure('warm-up', r.gateway, r.who.gatewayHeaders, warm);
    const floor = await pgFloor(r.database, r.sql, r.values, { connections, seconds });
    const service = await measure('service', r.service, r.who.serviceHeaders, load);
    const gateway = await measure('gateway', r.gateway, r.who.gatewayHeaders, load);
    const failed = service.non2xx + service.errors + gateway.non2xx + gateway.errors + floor.errors;
    const scenario = `read ${r.name}`;
    rows.push(
      { scenario, figure: 'pg floor (its SQL, pool 10)', value: floor.perSecond, unit: 'q/s', note: `p99 ${floor.p99.toFixed(1)} ms` },
      { scenario, figure: 'service direct', value: service.requestsPerSecond, unit: 'req/s', note: `p99 ${service.latencyP99Ms} ms` },
      { scenario, figure: 'through gateway', value: gateway.requestsPerSecond, unit: 'req/s', note: `p99 ${gateway.latencyP99Ms} ms` },
      { scenario, figure: 'service / pg floor', value: service.requestsPerSecond / floor.perSecond, unit: 'x', goal: { op: '>=', value: 0.5 } },
      { scenario, figure: 'gateway / service', value: gateway.requestsPerSecond / service.requestsPerSecond, unit: 'x', goal: { op: '>=', value: 0.8 } },
      { scenario, figure: 'failed requests', value: failed, unit: '', goal: { op: '<=', value: 0 } },
    );
  }
  return rows;
}

/** The latency goal: GET /me through the gateway at 50 connections, p99 <= 50 ms, no errors. */
export async function gatewayAt50(stack: Stack, educator: Actor, seconds: number): Promise<Row[]> {
  const m = await measure('gateway 50', `${stack.gatewayUrl}/api/v1/me`, educator.gatewayHeaders, { connections: 50, durationSeconds: seconds });
  const scenario = 'read GET /me, 50 connections';
  return [
    { scenario, figure: 'through gateway', value: m.requestsPerSecond, unit: 'req/s', note: `p50 ${m.latencyP50Ms} ms` },
    { scenario, figure: 'p99 through gateway', value: m.latencyP99Ms, unit: 'ms', goal: { op: '<=', value: 50 } },
    { scenario, figure: 'failed requests', value: m.non2xx + m.errors, unit: '', goal: { op: '<=', value: 0 } },
  ];
}

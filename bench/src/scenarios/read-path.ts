import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { freePort, type Stack } from '@elar/devstack';
import { HOT_SQL as IDENTITY_SQL } from '../../../services/identity/src/db/hot-reads';
import { HOT_SQL as LICENSING_SQL } from '../../../services/licensing/src/db/hot-reads';
import type { Actor } from '../actors';
import { describeShares, processesNamed, startCpuMeter, type ProcessGroups } from '../cpu-share';
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

/** The smallest possible second hop (./ceiling/proxy.ts) in front of `upstream`, as its own process. */
async function startCeilingProxy(upstream: string): Promise<{ url: string; pid: number; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'ceiling', 'proxy.ts'), upstream, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the ceiling proxy exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

/**
 * For each hot read, side by side in one run: its SQL through pg as the service runs it (a prepared
 * statement: the floor) and unprepared (as the issue first measured the floor), the service called
 * directly (internal token + principal, as the gateway forwards), the same call through the
 * smallest proxy Node can be (the ceiling for any second hop on this machine), and the route
 * through the gateway. Goals: service >= 0.5x the floor, gateway >= 0.8x the service. Each figure
 * also says where its CPU went, per request and per process (/proc): on a machine whose cores every
 * process shares, that is what each ratio is made of.
 */
export async function readPath(stack: Stack, input: ReadPathInput): Promise<Row[]> {
  const { educator, evaluator, applicationNumber: n, connections, seconds } = input;
  const pidOf = (name: string) => stack.processes[name]!.child.pid!;
  const reads = [
    {
      name: 'GET /me', service: 'identity', database: stack.databaseUrls.identity, sql: IDENTITY_SQL.profileView, values: [educator.principal.userId],
      serviceUrl: stack.env.IDENTITY_URL!, path: '/me', who: educator,
    },
    {
      name: 'GET /applications/{n}', service: 'licensing', database: stack.databaseUrls.licensing, sql: LICENSING_SQL.detail, values: [n, false],
      serviceUrl: stack.env.LICENSING_URL!, path: `/applications/${n}`, who: educator,
    },
    {
      name: 'GET /review/queue', service: 'licensing', database: stack.databaseUrls.licensing, sql: LICENSING_SQL.queue,
      values: [['Ready for Review', 'Under Review', 'Awaiting Applicant'], null, null, null],
      serviceUrl: stack.env.LICENSING_URL!, path: '/review/queue', who: evaluator,
    },
  ];
  const rows: Row[] = [];
  const load = { connections, durationSeconds: seconds };
  // Long enough for V8 to optimize every process's hot code before anything is timed.
  const warm = { connections, durationSeconds: 3 };
  for (const r of reads) {
    const proxy = await startCeilingProxy(r.serviceUrl);
    try {
      const groups: ProcessGroups = {
        [r.service]: () => [pidOf(r.service)], gateway: () => [pidOf('gateway')], 'proxy (ceiling)': () => [proxy.pid],
        postgres: processesNamed('postgres'), redis: processesNamed('redis-server'), 'load (bench)': () => [process.pid],
      };
      const targets = {
        service: [`${r.serviceUrl}${r.path}`, r.who.serviceHeaders],
        ceiling: [`${proxy.url}${r.path}`, r.who.serviceHeaders],
        gateway: [`${stack.gatewayUrl}/api/v1${r.path}`, r.who.gatewayHeaders],
      } as const;
      for (const [url, headers] of Object.values(targets)) await measure('warm-up', url, headers, warm);
      const metered = async (url: string, headers: Record<string, string>) => {
        const meter = startCpuMeter(groups);
        const m = await measure(url, url, headers, load);
        return { ...m, cpu: meter.stop()(m.requests) };
      };
      const floor = await pgFloor(r.database, r.sql, r.values, { connections, seconds, meter: () => startCpuMeter(groups) });
      // The same SQL unnamed (parsed and planned on every call): the floor as the issue first measured it, before the services prepared their reads.
      const unprepared = await pgFloor(r.database, { ...r.sql, name: '' }, r.values, { connections, seconds });
      const service = await metered(...targets.service);
      const ceiling = await metered(...targets.ceiling);
      const gateway = await metered(...targets.gateway);
      const failed = service.non2xx + service.errors + gateway.non2xx + gateway.errors + ceiling.non2xx + ceiling.errors + floor.errors + unprepared.errors;
      const scenario = `read ${r.name}`;
      const cpuNote = (cpu: Record<string, number>) => `CPU ms per request: ${describeShares(cpu)}`;
      rows.push(
        { scenario, figure: 'pg floor (its prepared statement, pool 10)', value: floor.perSecond, unit: 'q/s', note: `p99 ${floor.p99.toFixed(1)} ms; ${cpuNote(floor.cpu)}` },
        { scenario, figure: 'pg, the same SQL unprepared', value: unprepared.perSecond, unit: 'q/s', note: `p99 ${unprepared.p99.toFixed(1)} ms` },
        { scenario, figure: 'service direct', value: service.requestsPerSecond, unit: 'req/s', note: `p99 ${service.latencyP99Ms} ms; ${cpuNote(service.cpu)}` },
        { scenario, figure: 'through the bare proxy (ceiling of a hop)', value: ceiling.requestsPerSecond, unit: 'req/s', note: `p99 ${ceiling.latencyP99Ms} ms; ${cpuNote(ceiling.cpu)}` },
        { scenario, figure: 'through gateway', value: gateway.requestsPerSecond, unit: 'req/s', note: `p99 ${gateway.latencyP99Ms} ms; ${cpuNote(gateway.cpu)}` },
        { scenario, figure: 'service / pg floor', value: service.requestsPerSecond / floor.perSecond, unit: 'x', goal: { op: '>=', value: 0.5 } },
        { scenario, figure: 'service / pg unprepared', value: service.requestsPerSecond / unprepared.perSecond, unit: 'x' },
        { scenario, figure: 'bare proxy / service', value: ceiling.requestsPerSecond / service.requestsPerSecond, unit: 'x' },
        { scenario, figure: 'gateway / service', value: gateway.requestsPerSecond / service.requestsPerSecond, unit: 'x', goal: { op: '>=', value: 0.8 } },
        { scenario, figure: 'failed requests', value: failed, unit: '', goal: { op: '<=', value: 0 } },
      );
    } finally {
      proxy.stop();
    }
  }
  return rows;
}

/**
 * The latency goal: GET /me through the gateway at 50 connections, p99 <= 50 ms, no errors. With
 * the load closed-loop (each connection sends again when answered), the mean latency is the
 * connections over the throughput (Little's law), and the throughput at most the cores over the
 * CPU each request costs the whole machine: the row `mean latency the CPU allows` is that bound.
 */
export async function gatewayAt50(stack: Stack, educator: Actor, seconds: number): Promise<Row[]> {
  const connections = 50;
  const meter = startCpuMeter({});
  const m = await measure('gateway 50', `${stack.gatewayUrl}/api/v1/me`, educator.gatewayHeaders, { connections, durationSeconds: seconds });
  const cpuMs = meter.stop()(m.requests).machine ?? 0;
  const scenario = 'read GET /me, 50 connections';
  return [
    { scenario, figure: 'through gateway', value: m.requestsPerSecond, unit: 'req/s', note: `p50 ${m.latencyP50Ms} ms` },
    { scenario, figure: 'mean latency the CPU allows', value: (connections * cpuMs) / cpus().length, unit: 'ms', note: `${connections} connections x ${cpuMs.toFixed(2)} ms of machine CPU per request / ${cpus().length} cores` },
    { scenario, figure: 'p99 through gateway', value: m.latencyP99Ms, unit: 'ms', goal: { op: '<=', value: 50 } },
    { scenario, figure: 'failed requests', value: m.non2xx + m.errors, unit: '', goal: { op: '<=', value: 0 } },
  ];
}

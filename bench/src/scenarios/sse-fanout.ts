import { request as httpRequest, type ClientRequest } from 'node:http';
import type { Stack } from '@elar/devstack';
import { claim, type Actor, type Api } from '../actors';
import type { Row } from '../report';
import { percentile, sleep } from '../stats';
import { rssOf } from '../processes';

interface Stream { req: ClientRequest; opened: Promise<void> }

/** One SSE stream straight to licensing, calling `onChange(atMs)` on arrival of each status change. */
function openStream(url: string, headers: Record<string, string>, onChange: (at: number) => void): Stream {
  let opened!: () => void;
  let failed!: (e: Error) => void;
  const req = httpRequest(url, { headers: { ...headers, accept: 'text/event-stream' }, agent: false });
  const stream = { req, opened: new Promise<void>((res, rej) => ((opened = res), (failed = rej))) };
  req.on('error', (err) => failed(err));
  req.on('response', (res) => {
    if (res.statusCode !== 200) return failed(new Error(`stream answered ${res.statusCode}`));
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const change = JSON.parse(data.slice(6)) as { type: string; at: string };
        if (change.type === 'current') opened();
        else onChange(Date.parse(change.at));
      }
    });
  });
  req.end();
  return stream;
}

/**
 * `streams` open status streams on one licensing process, spread over the given applications
 * (Ready for Review); each application is then claimed (a status change), and the time from the
 * change (its `at`) to its arrival is taken on every stream.
 */
export async function sseFanout(stack: Stack, api: Api, evaluator: Actor, applications: string[], streams: number): Promise<Row[]> {
  const licensing = stack.processes.licensing!;
  const rssBefore = rssOf(licensing.child.pid!);
  const delays: number[] = [];
  const opened: Stream[] = [];
  for (let i = 0; i < streams; i++) {
    const n = applications[i % applications.length]!;
    opened.push(openStream(`${stack.env.LICENSING_URL}/applications/${n}/events`, evaluator.serviceHeaders, (at) => delays.push(Date.now() - at)));
    if (i % 50 === 49) await Promise.all(opened.slice(-50).map((s) => s.opened));
  }
  await Promise.all(opened.map((s) => s.opened));
  const rssOpen = rssOf(licensing.child.pid!);
  try {
    for (const n of applications) {
      await claim(api, evaluator, n);
      await sleep(200);
    }
    const deadline = Date.now() + 10_000;
    while (delays.length < streams && Date.now() < deadline) await sleep(100);
  } finally {
    for (const s of opened) s.req.destroy();
  }
  const scenario = `SSE: ${streams} streams on one licensing process`;
  return [
    { scenario, figure: 'status changes delivered', value: delays.length, unit: `of ${streams}`, goal: { op: '>=', value: streams } },
    { scenario, figure: 'change -> arrival p50', value: percentile(delays, 50), unit: 'ms' },
    { scenario, figure: 'change -> arrival p99', value: percentile(delays, 99), unit: 'ms', note: `${applications.length} changes fanned out` },
    { scenario, figure: 'licensing RSS growth per stream', value: (rssOpen - rssBefore) / streams / 1024, unit: 'KiB' },
  ];
}

import type { Request, Response } from 'express';
import type { LicensingDeps } from '../deps';

/** SSE: the current status at once, then each change from the bus; a comment every 15 s keeps proxies from closing it. */
export function streamStatus(deps: Pick<LicensingDeps, 'bus'>, req: Request, res: Response, current: { number: string; status: string; at: Date }) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  const send = (data: object) => res.write(`event: status\ndata: ${JSON.stringify(data)}\n\n`);
  send({ applicationNumber: current.number, status: current.status, at: current.at.toISOString(), type: 'current' });
  const unsubscribe = deps.bus.subscribe(current.number, send);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

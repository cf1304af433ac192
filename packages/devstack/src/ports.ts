import { createServer, connect } from 'node:net';

const canBind = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/**
 * Test ports come from 20000-31999, below Linux's ephemeral range (32768-60999): a port the kernel
 * handed out with `listen(0)` can be taken by any outgoing connection before the service binds it,
 * which made parallel suites collide. Each jest worker (or other process) gets its own block of
 * 250 and walks it in order, so two suites never pick the same port. `ELAR_PORT_SLOT` (0-11) moves
 * a whole run to its own 1000 ports, so test runs of several checkouts on one machine never meet.
 */
const BLOCK = 250;
const blockBase = () => {
  const slot = Number(process.env.ELAR_PORT_SLOT ?? 0);
  const base = 20_000 + (Number.isInteger(slot) && slot >= 0 && slot < 12 ? slot : 0) * 4 * BLOCK;
  const worker = Number(process.env.JEST_WORKER_ID);
  const block = Number.isInteger(worker) && worker > 0 && worker < 3 ? worker - 1 : 2 + (process.pid % 2);
  return base + block * BLOCK;
};
let nextOffset = 0;

/** A TCP port on loopback that is free now and that no other suite of this run will pick. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < BLOCK; tries++) {
    const port = blockBase() + (nextOffset++ % BLOCK);
    if (await canBind(port)) return port;
  }
  throw new Error('no free port in this process\'s block');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs = 60_000, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, host);
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(150);
  }
  throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs} ms`);
}

/** Resolves when GET url answers 200. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms (${last})`);
}

// The read path's ceiling for a second hop: the smallest proxy Node can be (node:http in, an undici
// keep-alive pool out, headers copied, nothing checked), run as its own process as the gateway is.
// `node --import tsx proxy.ts <upstream> <port>`; prints `ready` once listening.
import { createServer } from 'node:http';
import { Pool, type Dispatcher } from 'undici';

const [upstream, port] = process.argv.slice(2);
const pool = new Pool(upstream!, { connections: 64, pipelining: 1, keepAliveTimeout: 30_000 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'host', 'content-length', 'transfer-encoding']);

createServer((req, res) => {
  const headers: Record<string, string> = {};
  for (const k in req.headers) if (!HOP_BY_HOP.has(k)) headers[k] = String(req.headers[k]);
  pool
    .stream({ method: req.method as Dispatcher.HttpMethod, path: req.url ?? '/', headers }, ({ statusCode, headers: upstreamHeaders }) => {
      res.statusCode = statusCode;
      for (const k in upstreamHeaders) if (!HOP_BY_HOP.has(k)) res.setHeader(k, upstreamHeaders[k]!);
      return res;
    })
    .catch(() => {
      if (!res.headersSent) res.statusCode = 502;
      res.end();
    });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));

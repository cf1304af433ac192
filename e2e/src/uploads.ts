import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { freePort } from '@elar/devstack';

/** A PDF of exactly `size` bytes made on the fly (header, comment filler, `%%EOF`), with its SHA-256. */
export function pdfOfSize(size: number, opts: { trailer?: boolean } = {}) {
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from(opts.trailer === false ? '\n%no trailer\n' : '\n%%EOF\n');
  const line = Buffer.from(`%${'x'.repeat(62)}\n`);
  const hash = createHash('sha256');
  const chunks = function* () {
    yield head;
    let left = size - head.length - tail.length;
    const block = Buffer.concat(Array.from({ length: 1024 }, () => line));
    while (left > 0) {
      const piece = block.subarray(0, Math.min(block.length, left));
      left -= piece.length;
      yield piece;
    }
    yield tail;
  };
  for (const c of chunks()) hash.update(c);
  return { size, sha256: hash.digest('hex'), chunks };
}

/** Any bytes as a file (small ones: HTML, a truncated image). */
export const bytesFile = (bytes: Buffer) => ({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), chunks: function* () { yield bytes; } });

type FileSource = ReturnType<typeof bytesFile>;

/**
 * `POST /applications/{n}/documents` as a browser's form would send it: the requirementId field, then
 * the file part, streamed (the body is generated while it is sent, never held whole).
 */
export async function uploadMultipart(gatewayUrl: string, token: string, applicationNumber: string, requirementId: string, fileName: string, file: FileSource) {
  const boundary = `----elar${randomBytes(8).toString('hex')}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="requirementId"\r\n\r\n${requirementId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Readable.from((function* () {
    yield preamble;
    yield* file.chunks();
    yield epilogue;
  })());
  const res = await request(`${gatewayUrl}/api/v1/applications/${applicationNumber}/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(preamble.length + file.size + epilogue.length),
    },
    body,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** Resident memory of a process and all its descendants (the services run under tsx, which starts node as a child). */
export function treeRssBytes(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      /* exited meanwhile */
    }
  };
  visit(pid);
  return total;
}

/** Samples the peak of `treeRssBytes` for each pid while `work` runs. */
export async function peakRssDuring<T>(pids: Record<string, number>, work: () => Promise<T>) {
  const peak: Record<string, number> = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, treeRssBytes(pid)]));
  const baseline = { ...peak };
  const timer = setInterval(() => {
    for (const [k, pid] of Object.entries(pids)) peak[k] = Math.max(peak[k]!, treeRssBytes(pid));
  }, 25);
  try {
    const result = await work();
    return { result, baseline, growth: Object.fromEntries(Object.keys(pids).map((k) => [k, peak[k]! - baseline[k]!])) as Record<string, number> };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A TCP proxy in front of the S3 server that can be told to cut every connection once it has
 * carried `bytes` from the client: the store failing in the middle of receiving an object.
 */
export async function startCuttingProxy(targetPort: number) {
  let cutAfter: number | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let sent = 0;
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (cutAfter !== undefined && sent > cutAfter) return close();
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.pipe(client);
    for (const s of [client, upstream]) {
      s.on('error', close);
      s.on('close', () => {
        sockets.delete(s);
        close();
      });
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    cutAfter(bytes: number | undefined) {
      cutAfter = bytes;
      if (bytes !== undefined) for (const s of sockets) s.destroy(); // no connection opened before arming survives
    },
    stop: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

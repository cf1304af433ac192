import type { ServerResponse } from 'node:http';

/** A JSON answer without Express (the hot reads, the gateway's lane, error answers): status, type, length, body. */
export function sendJson(res: ServerResponse, status: number, value: unknown, opts: { head?: boolean } = {}): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(opts.head ? undefined : body);
}

/** The path of a request URL, without its query. */
export const pathOf = (url = '/'): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

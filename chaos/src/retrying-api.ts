import { Pool } from 'undici';
import type { Api } from '../../bench/src/actors';

/** What the client saw, per attempt: an answer, a retryable error (502/503/504/429 or a dropped connection), or nothing usable (a 500, or no answer within the client's timeout). */
export interface ClientTally {
  answered: number;
  retryable: number;
  lost: number;
  /** The first few lost attempts, for the report. */
  lostExamples: string[];
}

export interface RetryingApi extends Api {
  /** The same with a raw body and headers of the caller's (a signed webhook call). */
  send<T = unknown>(method: string, path: string, raw: string, headers: Record<string, string>): Promise<{ status: number; body: T }>;
  tally(): ClientTally;
  resetTally(): void;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const CLIENT_TIMEOUT_MS = 30_000;
const GIVE_UP_AFTER_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A client of the public API as a careful app would be: keep-alive connections, a 30 s timeout,
 * and the same request sent again (same body, so the same idempotency key) after a retryable
 * error, for up to two minutes. It counts every attempt's outcome.
 */
export function retryingApi(gatewayUrl: string, connections = 64): RetryingApi {
  const pool = new Pool(gatewayUrl, { connections, pipelining: 1, headersTimeout: CLIENT_TIMEOUT_MS, bodyTimeout: CLIENT_TIMEOUT_MS });
  let t: ClientTally = { answered: 0, retryable: 0, lost: 0, lostExamples: [] };
  const lose = (what: string) => {
    t.lost++;
    if (t.lostExamples.length < 5) t.lostExamples.push(what);
  };
  async function send<T>(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<{ status: number; body: T }> {
      const until = Date.now() + GIVE_UP_AFTER_MS;
      for (let attempt = 1; ; attempt++) {
        let outcome: { status: number; body: T } | undefined;
        try {
          const res = await pool.request({ method, path: `/api/v1${path}`, headers, body });
          const text = await res.body.text();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON: kept as text */
          }
          outcome = { status: res.statusCode, body: parsed as T };
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          if (code.includes('TIMEOUT')) lose(`${method} ${path}: no answer in ${CLIENT_TIMEOUT_MS / 1000} s`);
          else t.retryable++;
        }
        if (outcome && !RETRYABLE_STATUSES.has(outcome.status)) {
          if (outcome.status >= 500) lose(`${method} ${path}: ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 120)}`);
          else t.answered++;
          return outcome;
        }
        if (outcome) t.retryable++;
        if (Date.now() > until) return outcome ?? { status: 599, body: { error: { code: 'client-gave-up' } } as T };
        await sleep(Math.min(2000, 200 * attempt));
      }
  }
  return {
    call(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return send(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
    },
    send: (method, path, raw, headers) => send(method, path, raw, { 'content-type': 'application/json', ...headers }),
    close: () => pool.close(),
    tally: () => ({ ...t, lostExamples: [...t.lostExamples] }),
    resetTally: () => {
      t = { answered: 0, retryable: 0, lost: 0, lostExamples: [] };
    },
  };
}

import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, encodePrincipal, type Principal } from '@elar/http';
import { searchAttributeFlags } from '@elar/vocabulary';
import { dropDatabase, ensureDatabase, migrateDatabase, type DataService } from './databases';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { freePort } from './ports';
import { PROJECT_ROOT } from './root';
import { findTemporalCli } from './temporal-server';

export interface ServiceHarness {
  /** The service's own freshly migrated database. */
  databaseUrl: string;
  /** A real Temporal dev server with the project's search attributes (no worker: tests start what they need). */
  temporal: TestWorkflowEnvironment;
  /** Real SMTP: every mail the service sends. */
  mail: MailCatcher;
  stop(): Promise<void>;
}

/**
 * What a service test runs one service in-process against: its own migrated database on the run's
 * PostgreSQL server (TEST_DATABASE_URL, from jest's global setup), a Temporal test environment
 * (@temporalio/testing over the Temporal CLI's dev server) and a mail catcher.
 */
export async function startServiceHarness(service: DataService): Promise<ServiceHarness> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set (jest global setup sets it)');
  const name = `elar_${service}_svc_${randomBytes(4).toString('hex')}`;
  const [databaseUrl, temporal, mail] = await Promise.all([
    ensureDatabase(serverUrl, name).then(async (url) => {
      await migrateDatabase(service, url);
      return url;
    }),
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: findTemporalCli(PROJECT_ROOT) },
        extraArgs: searchAttributeFlags().flatMap((sa) => ['--search-attribute', sa]),
      },
    }),
    freePort().then((port) => startMailCatcher({ port })),
  ]);
  return {
    databaseUrl, temporal, mail,
    async stop() {
      await Promise.allSettled([temporal.teardown(), mail.stop()]);
      await dropDatabase(serverUrl, name);
    },
  };
}

/** A service's JSON answer: tests read the fields they assert on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any route of the service under test
export type ServiceAnswer = { status: number; body: any };

/**
 * Calls a service as the gateway does: the internal token, and the signed-in person (`as`) in the
 * principal header, which the service trusts only with the token.
 */
export function serviceCaller(baseUrl: string, internalToken: string) {
  return async (method: string, path: string, opts: { body?: unknown; as?: Principal; token?: string | null } = {}): Promise<ServiceAnswer> => {
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers[INTERNAL_TOKEN_HEADER] = opts.token ?? internalToken;
    if (opts.as) headers[PRINCIPAL_HEADER] = encodePrincipal(opts.as);
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Polls `fn` every 100 ms (errors count as "not yet") until `ok`, at most 10 s; answers the last value. */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T | undefined) => boolean): Promise<T | undefined> {
  for (let i = 0; ; i++) {
    const v = await fn().catch(() => undefined);
    if (ok(v) || i >= 100) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { AppError, conflict, notFound } from '@elar/errors';
import { INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, createBaseApp, createServiceClient, encodePrincipal, startServer, type RunningServer } from '@elar/http';
import { licensingInternal, mountInternalRoute } from '@elar/internal-api';
import { createLogger } from '@elar/logger';
import { createInternalClient } from './internal-client';
import { createLicensingActivities } from './licensing';

/**
 * The licensing activities against a double of licensing made from the contract: the routes of
 * @elar/internal-api mounted on the project's app (its error middleware, the `system`-only rule, the
 * contract's parsing) with canned handlers. What an activity makes of each answer decides whether
 * Temporal retries it.
 */
const TOKEN = 'internal-token-for-activity-tests';
const seen: { applicationNumber: string; idempotencyKey: string }[] = [];
/** Canned outcomes by application number: how many calls fail first, and with what. */
const failFirst = new Map<string, { times: number; error: () => Error }>();
let double: RunningServer;
let acts: ReturnType<typeof createLicensingActivities>;
let down: ReturnType<typeof createLicensingActivities>;

beforeAll(async () => {
  const app = createBaseApp({
    logger: createLogger('licensing-double', 'silent'), metricsToken: TOKEN,
    routes: (a) => {
      mountInternalRoute(a, licensingInternal.recordApplicationStatus, async ({ params, body }) => {
        seen.push({ applicationNumber: params.applicationNumber, idempotencyKey: body.idempotencyKey });
        const failing = failFirst.get(params.applicationNumber);
        if (failing && failing.times > 0) {
          failing.times--;
          throw failing.error();
        }
        return { recorded: true };
      });
      mountInternalRoute(a, licensingInternal.issueLicense, async () => {
        throw conflict('application-not-approvable', 'An application that is Denied cannot be issued a license.');
      });
    },
  });
  double = await startServer(app, 0);
  const client = (baseUrl: string) => createInternalClient(createServiceClient({
    name: 'licensing', baseUrl, timeoutMs: 2000,
    headers: { [INTERNAL_TOKEN_HEADER]: TOKEN, [PRINCIPAL_HEADER]: encodePrincipal({ userId: 'worker', role: 'system' }) },
  }));
  acts = createLicensingActivities({ licensing: client(double.url) });
  // Nothing listens there: a refused connection, as during a licensing restart.
  const closed = await startServer(createBaseApp({ logger: createLogger('closed', 'silent'), metricsToken: TOKEN, routes: () => undefined }), 0);
  await closed.stop();
  down = createLicensingActivities({ licensing: client(closed.url) });
});

afterAll(async () => {
  await double?.stop();
});

const status = (applicationNumber: string) => ({
  applicationNumber, idempotencyKey: `application-review:${applicationNumber}:status:1`, status: 'Under Review' as const, actor: 'evaluator:ev-1',
});
const failureOf = async (p: Promise<unknown>): Promise<ApplicationFailure> => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
};

describe('activities against a licensing double made from the internal contract', () => {
  it('sends the contract’s path and body (params split out) and answers the contract’s response', async () => {
    const env = new MockActivityEnvironment();
    expect(await env.run(acts.recordApplicationStatus, status('A-2026-000001'))).toEqual({ recorded: true });
    expect(seen.at(-1)).toEqual({ applicationNumber: 'A-2026-000001', idempotencyKey: 'application-review:A-2026-000001:status:1' });
  });

  it('a 4xx answer is a non-retryable ApplicationFailure typed by the service’s error code', async () => {
    failFirst.set('A-2026-000404', { times: 1, error: () => notFound('application-not-found', 'No such application.') });
    const missing = await failureOf(new MockActivityEnvironment().run(acts.recordApplicationStatus, status('A-2026-000404')));
    expect({ type: missing.type, nonRetryable: missing.nonRetryable, message: missing.message })
      .toEqual({ type: 'application-not-found', nonRetryable: true, message: 'No such application.' });

    const refused = await failureOf(new MockActivityEnvironment().run(acts.issueLicense, { applicationNumber: 'A-2026-000409', idempotencyKey: 'application-review:A-2026-000409:issue', evaluatorId: 'ev-1' }));
    expect({ type: refused.type, nonRetryable: refused.nonRetryable }).toEqual({ type: 'application-not-approvable', nonRetryable: true });

    // A body the contract refuses is the caller's bug: 400 validation-failed, never retried.
    const invalid = await failureOf(new MockActivityEnvironment().run(acts.recordApplicationStatus, { ...status('A-2026-000400'), idempotencyKey: 'short' }));
    expect({ type: invalid.type, nonRetryable: invalid.nonRetryable }).toEqual({ type: 'validation-failed', nonRetryable: true });
  });

  it('a 5xx, a 429 and a refused connection are retryable, and the retry with the same key succeeds', async () => {
    failFirst.set('A-2026-000500', { times: 2, error: () => new AppError(500, 'internal-error', 'Something went wrong on our side.') });
    const env = new MockActivityEnvironment();
    const first = await failureOf(env.run(acts.recordApplicationStatus, status('A-2026-000500')));
    expect({ type: first.type, nonRetryable: first.nonRetryable }).toEqual({ type: 'internal-error', nonRetryable: false });
    expect((await failureOf(env.run(acts.recordApplicationStatus, status('A-2026-000500')))).nonRetryable).toBe(false);
    expect(await env.run(acts.recordApplicationStatus, status('A-2026-000500'))).toEqual({ recorded: true });
    expect(seen.filter((s) => s.applicationNumber === 'A-2026-000500').map((s) => s.idempotencyKey)).toEqual(Array(3).fill('application-review:A-2026-000500:status:1'));

    failFirst.set('A-2026-000429', { times: 1, error: () => new AppError(429, 'too-many-requests', 'Slow down.') });
    expect((await failureOf(env.run(acts.recordApplicationStatus, status('A-2026-000429')))).nonRetryable).toBe(false);

    const unreachable = await failureOf(env.run(down.recordApplicationStatus, status('A-2026-000503')));
    expect(unreachable.nonRetryable).toBe(false);
  });
});

import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '@elar/errors';
import type { ServiceClient } from '@elar/http';
import { callInternal, type BodyOf, type InternalRoute, type ParamsOf, type ResponseOf } from '@elar/internal-api';

/** 4xx statuses that mean "not now" rather than "never": they retry like a 5xx. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

/**
 * The one error rule between workers and services: a 4xx answer is a non-retryable
 * ApplicationFailure whose type is the service's error code (retrying cannot change the answer); a
 * 5xx, a timeout, a refused connection (503/504 from the service client) or an answer outside the
 * contract (502 `contract-mismatch`, a deploy in progress) is a retryable one, and
 * the activity options bound how long it is retried (workflows/src/shared/activity-options.ts).
 */
export function toActivityFailure(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const retryable = err.status >= 500 || RETRYABLE_CLIENT_STATUSES.has(err.status);
  return ApplicationFailure.create({
    type: err.code,
    message: err.message,
    nonRetryable: !retryable,
    details: err.details === undefined ? [] : [err.details],
  });
}

/** What an activity sends: the route's path parameters and body fields side by side. */
export type StepInput<T extends InternalRoute> = ParamsOf<T> & BodyOf<T>;

/** A typed client of one service's internal routes, built from the contract in @elar/internal-api. */
export function createInternalClient(client: ServiceClient) {
  async function call<T extends InternalRoute>(route: T, params: ParamsOf<T>, body: BodyOf<T>): Promise<ResponseOf<T>> {
    try {
      return await callInternal(client, route, params, body);
    } catch (err) {
      throw toActivityFailure(err);
    }
  }
  /** An activity for a route: takes params and body in one object and splits them by the contract. */
  function step<T extends InternalRoute>(route: T) {
    const paramNames = Object.keys(route.params.shape);
    return async (input: StepInput<T>): Promise<ResponseOf<T>> => {
      const params: Record<string, unknown> = {};
      const body: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(input)) (paramNames.includes(name) ? params : body)[name] = value;
      return call(route, params as ParamsOf<T>, body as BodyOf<T>);
    };
  }
  return { call, step };
}

export type InternalClient = ReturnType<typeof createInternalClient>;

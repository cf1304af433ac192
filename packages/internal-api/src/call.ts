import { AppError } from '@elar/errors';
import type { ServiceClient } from '@elar/http';
import { internalPath, type BodyOf, type InternalRoute, type ParamsOf, type ResponseOf } from './route';

/**
 * Calls one internal route through a service client: path from the contract, answer checked against
 * the contract's response schema (502 `contract-mismatch` when it is not, as during a half-done
 * deploy). A service's own error answer passes through as its AppError (status and code).
 */
export async function callInternal<T extends InternalRoute>(
  client: ServiceClient,
  route: T,
  params: ParamsOf<T>,
  body: BodyOf<T>,
  options: { headers?: Record<string, string> } = {},
): Promise<ResponseOf<T>> {
  const path = internalPath(route, params);
  const res = route.method === 'GET' ? await client.get<unknown>(path, options) : await client.post<unknown>(path, body, options);
  const parsed = route.response.safeParse(res.body);
  if (!parsed.success) throw new AppError(502, 'contract-mismatch', `The ${route.service} service answered ${route.path} outside the contract.`);
  return parsed.data as ResponseOf<T>;
}

import { request } from 'undici';
import { INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, encodePrincipal, type Principal } from '@elar/http';
import type { Stack } from '@elar/devstack';

/** The headers of one signed-in educator: a bearer token for the gateway, and what the gateway would forward. */
export interface Caller {
  gatewayHeaders: Record<string, string>;
  serviceHeaders: Record<string, string>;
}

async function json<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const parsed = (await res.body.json()) as T;
  if (res.statusCode >= 300) throw new Error(`${url} answered ${res.statusCode}: ${JSON.stringify(parsed)}`);
  return parsed;
}

/** Creates a made-up educator through the gateway and signs in twice: at the gateway and at identity. */
export async function signedInCaller(stack: Stack): Promise<Caller> {
  const password = 'Bench2026';
  const email = `bench${Date.now()}@example.org`;
  const created = await json<{ username: string }>(`${stack.gatewayUrl}/api/v1/profiles`, {
    identity: { firstName: 'Bench', lastName: 'Mark', priorNames: [], dateOfBirth: '1970-01-02', ssnLast4: '0001' },
    contact: { email, phone: '617-555-0100', address: { line1: '1 Main St', city: 'Malden', state: 'MA', postalCode: '02148' } },
    background: { organizationCodes: [], priorLicenseNumbers: [] },
    credentials: { password, passwordConfirmation: password, hintQuestion: 'Benchmark?', hintAnswer: 'autocannon' },
  });
  const credentials = { username: created.username, password };
  const { token } = await json<{ token: string }>(`${stack.gatewayUrl}/api/v1/auth/sign-in`, credentials);
  const internal = { [INTERNAL_TOKEN_HEADER]: stack.env.INTERNAL_TOKEN! };
  const { principal } = await json<{ principal: Principal }>(`${stack.env.IDENTITY_URL}/internal/auth/sign-in`, credentials, internal);
  return {
    gatewayHeaders: { authorization: `Bearer ${token}` },
    serviceHeaders: { ...internal, [PRINCIPAL_HEADER]: encodePrincipal(principal) },
  };
}

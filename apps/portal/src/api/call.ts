import { toProblem, type Problem } from './problems';

export type Outcome<T> = { ok: true; data: T; status: number } | { ok: false; problem: Problem };

/** Awaits an openapi-fetch call and returns its data, or a Problem in plain words (network errors too). */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok) return { ok: true, data: data as T, status: response.status };
    return { ok: false, problem: toProblem(response.status, error) };
  } catch {
    return { ok: false, problem: toProblem(0, undefined) };
  }
}

/** Same for a plain fetch (downloads, routes whose body the OpenAPI document does not describe). */
export async function callRaw(response: Promise<Response>): Promise<Outcome<unknown>> {
  try {
    const res = await response;
    const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    return res.ok ? { ok: true, data: body, status: res.status } : { ok: false, problem: toProblem(res.status, body) };
  } catch {
    return { ok: false, problem: toProblem(0, undefined) };
  }
}

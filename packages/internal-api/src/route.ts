import { z } from 'zod';

export type InternalService = 'identity' | 'licensing';

/**
 * One worker-to-service call. The path uses Express' `:name` parameters, each described by
 * `params`; every internal call is a POST of a JSON body (it changes something, or records that it
 * happened) answered with a JSON body. Both sides are typed from these schemas, so a changed field
 * breaks the type-check of the route's handler and of the activity that calls it. A POST changes
 * something (or records that it happened) and carries an idempotency key; a GET only reads.
 */
export interface InternalRoute<P extends z.ZodObject = z.ZodObject, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  service: InternalService;
  method: 'GET' | 'POST';
  path: string;
  params: P;
  body: B;
  response: R;
  /** For the contract's reader: what the call does and what makes it safe to repeat. */
  summary: string;
}

export const defineInternalRoute = <P extends z.ZodObject, B extends z.ZodType, R extends z.ZodType>(
  route: Omit<InternalRoute<P, B, R>, 'method'> & { method?: 'GET' | 'POST' },
): InternalRoute<P, B, R> => ({ ...route, method: route.method ?? 'POST' });

/** A route without path parameters takes none (zod types an empty object as an index signature of never). */
type NoIndex<X> = string extends keyof X ? Record<never, never> : X;
export type ParamsOf<T> = T extends InternalRoute<infer P, z.ZodType, z.ZodType> ? NoIndex<z.input<P>> : never;
/** What the caller sends (before defaults apply). */
export type BodyOf<T> = T extends InternalRoute<z.ZodObject, infer B, z.ZodType> ? z.input<B> : never;
/** What the handler receives (after parsing). */
export type ParsedBodyOf<T> = T extends InternalRoute<z.ZodObject, infer B, z.ZodType> ? z.output<B> : never;
export type ResponseOf<T> = T extends InternalRoute<z.ZodObject, z.ZodType, infer R> ? z.output<R> : never;

/** The concrete path: each `:name` replaced by its encoded parameter. */
export function internalPath(route: InternalRoute, params: object): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = (params as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`internal route ${route.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** Every mutating call carries the key its workflow derived (workflow id + step); the service acts once per key. */
export const idempotencyKey = z.string().min(8).max(200);

import type { Express, Request } from 'express';
import type { z } from 'zod';
import { parse, readPrincipal, type Principal } from '@elar/http';
import type { InternalRoute } from './route';

export type InternalHandler<P extends z.ZodObject, B extends z.ZodType, R extends z.ZodType> = (input: {
  params: z.output<P>;
  body: z.output<B>;
  principal: Principal;
  req: Request;
}) => Promise<z.input<R>>;

/**
 * Serves one internal route from its contract: only workers (`system`) may call it, params and body
 * are parsed with the contract's schemas (400 `validation-failed` otherwise), and the handler's
 * answer must have the contract's response type.
 */
export function mountInternalRoute<P extends z.ZodObject, B extends z.ZodType, R extends z.ZodType>(
  app: Express,
  route: InternalRoute<P, B, R>,
  handler: InternalHandler<P, B, R>,
): void {
  const on = route.method === 'GET' ? app.get.bind(app) : app.post.bind(app);
  on(route.path, async (req, res) => {
    const principal = readPrincipal(req, ['system']);
    const params = parse<P>(route.params, req.params);
    const body = parse<B>(route.body, req.body ?? {});
    res.json(await handler({ params, body, principal, req }));
  });
}

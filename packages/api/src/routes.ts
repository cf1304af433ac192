import type { RouteSpec } from './route-spec';
import { identityRoutes } from './identity-routes';
import { licensingRoutes } from './licensing-routes';
import { hardCopyRoutes } from './hard-copy-routes';

/**
 * The public API: the gateway mounts, authorizes and documents exactly these routes, and each
 * service validates with the same schemas. Add a route to its service's table, nowhere else.
 */
export const apiRoutes: RouteSpec[] = [...identityRoutes, ...licensingRoutes, ...hardCopyRoutes];

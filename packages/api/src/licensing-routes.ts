import type { RouteSpec } from './route-spec';

/** Routes served by the licensing service. */
export const licensingRoutes: RouteSpec[] = [];

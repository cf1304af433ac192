export { createBaseApp, type AppOptions, type ServiceApp } from './create-app';
export { errorMiddleware, notFoundHandler, toAppError } from './error-middleware';
export { createHealth, type ReadinessCheck } from './health';
export { requestContext, REQUEST_ID_HEADER } from './request-context';
export { startServer, stopOnSignals, type RunningServer } from './server';
export { createServiceClient, type ServiceClient, type CallOptions } from './service-client';
export { parse } from './validate';
export { INTERNAL_TOKEN_HEADER, PRINCIPAL_HEADER, encodePrincipal, readPrincipal, requireInternalToken, roles, type Principal, type Role } from './principal';
export { createMetrics, domainCounters, processMetrics, METRIC_NAMES, type Metrics } from './metrics';

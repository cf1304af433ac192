/** The worker-to-service contract (see the README's layer table: above http, below services and activities). */
export * from './route';
export { identityInternal } from './identity';
export { licensingInternal, hardCopyInternal } from './licensing';
export { mountInternalRoute, type InternalHandler } from './mount';
export { callInternal } from './call';

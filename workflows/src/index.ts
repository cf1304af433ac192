/** What services, workers and tests import: contracts (ids, messages, inputs), search attributes, queues. */
export * from './profile-onboarding/contract';
export * from './application-review/contract';
export * from './correspondence/contract';
/**
 * The workflow sources, for the bundler. Resolved from the sources when they are there (tsx, jest,
 * the bundle build); a compiled service bundle (tsup.config.ts) has no sources beside it and never
 * bundles workflows (the worker runs a prebuilt WORKFLOW_BUNDLE_PATH), so the bare name is kept.
 */
const source = (module: string) => {
  try {
    return require.resolve(module);
  } catch {
    return module;
  }
};
export const workflowsPath = source('./workflows');
/** Workflow interceptor modules every worker and replayer registers (request id onto activities). */
export const workflowInterceptorModules = [source('./shared/interceptors')];
export * from './partial-match/contract';
export * from './license-renewal/contract';
export * from './application-review/staff-updates-contract';
export * from './hard-copy/contract';
export * from './license-expiry-reminders/contract';
export * from './starters';
export * from './reconcilers/contract';

/**
 * The intended layers, lowest first (the README's "Layers" table says the same). A package may
 * import only packages of a lower layer: never one of its own layer, never one above it.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['@elar/tsconfig', '@elar/jest-preset'],
  ['@elar/vocabulary', '@elar/errors', '@elar/config', '@elar/logger', '@elar/db', '@elar/mail'],
  ['@elar/http', '@elar/temporal', '@elar/api'],
  ['@elar/internal-api'],
  ['@elar/activities'],
  ['@elar/workflows'],
  ['@elar/devstack'],
  ['@elar/gateway', '@elar/identity', '@elar/licensing', '@elar/worker'],
  ['@elar/e2e', '@elar/deploy', '@elar/bench', '@elar/chaos', '@elar/portal'],
];

export const layerOf = (name: string): number => LAYERS.findIndex((layer) => layer.includes(name));

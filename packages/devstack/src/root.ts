import { resolve } from 'node:path';

/** The monorepo root (this file is packages/devstack/src/root.ts). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

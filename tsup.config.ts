import { defineConfig } from 'tsup';

/**
 * Production builds (`npm run build:deployables`, the Dockerfile's build stage): each deployable's
 * main bundled to one CommonJS file, `dist/<name>.js`, run with plain `node` (no tsx at run time).
 * The workspace packages (@elar/*, TypeScript sources) and the generated Prisma clients are compiled
 * in; npm dependencies stay external and load from the image's production node_modules.
 */
export default defineConfig({
  entry: {
    gateway: 'services/gateway/src/main.ts',
    identity: 'services/identity/src/main.ts',
    licensing: 'services/licensing/src/main.ts',
    worker: 'services/worker/src/main.ts',
  },
  outDir: 'dist',
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  // The generated Prisma client reads import.meta.url: give it the bundle's own URL.
  shims: true,
  sourcemap: true,
  splitting: false,
  clean: true,
  skipNodeModulesBundle: true,
  noExternal: [/^@elar\//],
});

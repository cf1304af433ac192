// ESLint (flat config): typescript-eslint's type-checked rules on every TypeScript file, and the
// workflow sandbox's rules on workflow code. `npm run lint` (cached in node_modules/.cache/eslint);
// `npm test` runs it after the type-check and fails on any finding. A rule is disabled on a line only
// with `-- <reason>`.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  // apps/portal (React, DOM types) is linted by its own build; everything else here.
  { ignores: ['**/node_modules/**', '**/generated/**', '**/dist/**', '.data/**', '.tools/**', 'apps/**', '**/prisma.config.ts', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.workspaces.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // JSON bodies, Prisma JSON columns and test doubles are `any`-typed by nature; zod parses them at the edges.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow, pure modules
    // (@elar/vocabulary, @temporalio/common, its own contract and helpers) and activity *types*.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.test.ts', 'workflows/src/index.ts', 'workflows/src/starters.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.map((name) => ({ name, message: 'Workflow code does no I/O: no Node built-ins.' })),
          { name: '@elar/activities', message: 'Import activities as types only.', allowTypeImports: true },
        ],
        patterns: [
          { group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'], message: 'Workflow code may use @temporalio/workflow only.' },
          { group: ['@elar/*', '!@elar/vocabulary', '!@elar/activities'], message: 'Workflow code may import only pure modules (@elar/vocabulary).' },
          { group: ['zod', 'express', 'undici', 'pino', '@prisma/*', 'pg'], message: 'Workflow code may import only pure modules.' },
        ],
      }],
    },
  },
);

const { existsSync } = require('node:fs');
const { join } = require('node:path');
const preset = require('./tooling/jest/preset');

/** Every test in the monorepo, in one run: unit, service (real Postgres), workflow (real Temporal), end-to-end. */
module.exports = {
  ...preset,
  rootDir: __dirname,
  // Only folders that exist (deploy/ arrives with its own issue).
  roots: ['packages', 'services', 'workflows', 'activities', 'e2e', 'deploy', 'scripts'].filter((d) => existsSync(join(__dirname, d))).map((d) => `<rootDir>/${d}`),
  testMatch: ['**/*.test.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
};

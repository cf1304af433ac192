const { existsSync } = require('node:fs');
const { join } = require('node:path');
const preset = require('./tooling/jest/preset');

/** Every test in the monorepo, in one run: unit, service (real Postgres), workflow (real Temporal), end-to-end. */
module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['packages', 'services', 'workflows', 'activities', 'e2e', 'chaos', 'deploy', 'scripts']
    .filter((dir) => existsSync(join(__dirname, dir)))
    .map((dir) => `<rootDir>/${dir}`),
  testMatch: ['**/*.test.ts'],
  // One PostgreSQL server for the run: TEST_DATABASE_URL, else an embedded one (scripts/test/global-setup.ts).
  globalSetup: '<rootDir>/scripts/test/global-setup.ts',
  globalTeardown: '<rootDir>/scripts/test/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
};

const preset = require('./tooling/jest/preset');

/** Every test in the monorepo, in one run: unit, service (real Postgres), workflow (real Temporal), end-to-end. */
module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/workflows', '<rootDir>/activities', '<rootDir>/e2e', '<rootDir>/deploy', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
};

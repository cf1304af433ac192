// `npm test`: checks the portal's API types against the OpenAPI document, type-checks every workspace
// (one TypeScript program), lints (ESLint), runs every jest test (unit, service tests on a real PostgreSQL, workflow tests on real
// Temporal servers, end-to-end on the whole stack), then the browser journeys (Playwright on Debian's
// Chromium against the whole stack), and ends with one plain summary line counting both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const started = Date.now();

const apiTypes = spawnSync(bin('tsx'), ['apps/portal/scripts/generate-api-types.ts', '--check'], { cwd: root, stdio: 'inherit', env });
if (apiTypes.status !== 0) {
  process.stdout.write('portal API types drifted\n');
  process.exit(apiTypes.status ?? 1);
}

// One program over every workspace (tsconfig.workspaces.json), then the portal's two; per-package
// `npm run typecheck -w <pkg>` stays for working on one package.
for (const project of ['tsconfig.workspaces.json', 'apps/portal/tsconfig.json', 'apps/portal/tsconfig.node.json']) {
  const typecheck = spawnSync(bin('tsc'), ['-p', project, '--noEmit'], { cwd: root, stdio: 'inherit', env });
  if (typecheck.status !== 0) {
    process.stdout.write(`typecheck failed (${project})\n`);
    process.exit(typecheck.status ?? 1);
  }
}

// ESLint (eslint.config.mjs: type-checked rules, the workflow sandbox's imports); cached between runs.
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit', env });
if (lint.status !== 0) {
  process.stdout.write('lint failed\n');
  process.exit(lint.status ?? 1);
}

mkdirSync(join(root, '.data'), { recursive: true });
const report = join(root, '.data', 'jest-report.json');
const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
} catch {
  failed = Math.max(failed, 1);
}
// Browser journeys: their own runner starts a stack with the demo staff and runs Playwright; JSON
// report for the counts, the list reporter for the log. Skipped only when jest was given a filter.
if (process.argv.length <= 2) {
  const browserReport = join(root, '.data', 'playwright-report.json');
  rmSync(browserReport, { force: true });
  const browser = spawnSync(bin('tsx'), ['apps/portal/e2e/run-against-stack.ts'], {
    cwd: root, stdio: 'inherit', env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: browserReport },
  });
  try {
    const r = JSON.parse(readFileSync(browserReport, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
  } catch {
    failed += 1;
  }
  if (browser.status !== 0) failed = Math.max(failed, 1);
}

process.stdout.write(`\ntotal time ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed\n`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);

// `npm test`: type-checks every workspace (turbo), then runs every jest test (unit, service tests on
// a real PostgreSQL, workflow tests on real Temporal servers, end-to-end on the whole stack) and ends
// with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const started = Date.now();

const typecheck = spawnSync(bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only', '--concurrency=2'], { cwd: root, stdio: 'inherit', env });
if (typecheck.status !== 0) {
  process.stdout.write('typecheck failed\n');
  process.exit(typecheck.status ?? 1);
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
process.stdout.write(`\ntotal time ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed\n`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);

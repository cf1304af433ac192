// The browser tests' runner (a step of `npm test`): installs Debian's Chromium if missing, builds the
// portal if its sources changed, starts the whole stack (with the demo staff seeded), copies every
// caught email to test-results/mail/ for the tests to read, runs Playwright, stops the stack.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '@elar/devstack';
import { ensureChromium } from './chromium';
import { buildPortalIfStale } from '../scripts/build-if-stale.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const portalDir = join(here, '..');
const root = join(portalDir, '..', '..');
const say = (msg: string) => process.stdout.write(`browser tests | ${msg}\n`);

async function main() {
  ensureChromium(say);
  buildPortalIfStale(say);
  const results = join(portalDir, 'test-results');
  const mailDir = join(results, 'mail');
  rmSync(results, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  say('starting the stack');
  const stack = await startStack({ mode: 'test', postgresServerUrl: process.env.TEST_DATABASE_URL, output: process.env.E2E_VERBOSE ? process.stdout : null, env: { LOG_LEVEL: 'warn', UPSTREAM_TIMEOUT_MS: '60000' }, seed: true });
  // Ctrl-C or a kill of this runner stops the stack too: no Temporal or PostgreSQL left behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the stack`);
      void stack.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  const written = new Set<string>();
  const copyMail = setInterval(() => {
    for (const m of stack.mail.messages()) {
      if (written.has(m.id)) continue;
      written.add(m.id);
      writeFileSync(join(mailDir, `${m.id}.json`), JSON.stringify(m));
    }
  }, 100);
  let status = 1;
  try {
    say(`portal at ${stack.gatewayUrl}`);
    // Asynchronously: this process hosts the stack's SMTP catcher, which must keep answering meanwhile.
    const run = spawn(join(root, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], {
      cwd: portalDir,
      stdio: 'inherit',
      env: { ...process.env, PORTAL_URL: stack.gatewayUrl, PORTAL_MAIL_DIR: mailDir },
    });
    status = await new Promise<number>((resolve) => run.on('exit', (code) => resolve(code ?? 1)));
    say(`screenshots of each test's last page: ${results}`);
  } finally {
    clearInterval(copyMail);
    await stack.stop();
  }
  process.exit(status);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});

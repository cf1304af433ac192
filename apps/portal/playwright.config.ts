import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/chromium';

/**
 * Browser journeys against the whole stack, which e2e/run-against-stack.ts starts (PORTAL_URL).
 * Debian's Chromium, never a downloaded browser; one worker (the machine has 2 cores and the stack
 * already uses them).
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: './test-results/artifacts',
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: process.env.PORTAL_URL,
    viewport: { width: 1280, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      // Without the background-networking flags Chromium keeps dialing out, which this machine refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

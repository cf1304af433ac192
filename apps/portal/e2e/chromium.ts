import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium binary (the launcher script's target first: it skips a harmless shell error). */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export const chromiumPath = () => CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[1]!;

/**
 * Installs Debian's `chromium` when it is missing (CI runs as root on a fresh machine). Playwright's
 * own browser download cannot work here and is never used.
 */
export function ensureChromium(say: (msg: string) => void): string {
  if (CANDIDATES.some((p) => existsSync(p))) return chromiumPath();
  if (process.getuid?.() !== 0) throw new Error('Chromium is missing: install it with `sudo apt-get install -y chromium` (the browser tests use Debian\'s Chromium).');
  say('installing Debian\'s chromium (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  return chromiumPath();
}

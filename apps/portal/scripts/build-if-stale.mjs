// Builds apps/portal/dist with Vite when a source is newer than the last build (about 10 s). Plain
// Node, so scripts/bootstrap.mjs (npm start, npm test) can run it before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} path */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** @param {(msg: string) => void} say */
export function buildPortalIfStale(say) {
  const built = join(portalDir, 'dist', 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(portalDir, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) return;
  say('building the portal (vite build)');
  execFileSync(join(portalDir, '..', '..', 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: portalDir, stdio: 'inherit' });
}

// The README's start command, tried as a new user would on this checkout: `npm start` until the
// gateway is ready, a demo sign-in through the gateway (with the emailed code when sign-in codes
// are on), Ctrl-C (SIGINT to the whole process group, as a terminal sends it), every process gone
// within 15 s; then a second start on the same data, the same sign-in, and Ctrl-C again.
// Run by .ci/run after the tests: `node_modules/.bin/tsx scripts/ci/start-smoke.ts`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isSignInCodeMail, sixDigitCodeIn, type MailLike } from '@elar/devstack';

const root = join(__dirname, '..', '..');
const GATEWAY = 'http://127.0.0.1:8080';
const START_TIMEOUT_MS = 6 * 60_000;
const STOP_TIMEOUT_MS = 15_000;
const say = (msg: string) => process.stdout.write(`start-smoke | ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The fields this smoke reads from the gateway's JSON answers. */
interface Answer { token?: string; codeRequired?: boolean; challengeId?: string; mail?: (MailLike & { receivedAt: string })[] }

async function json(method: string, path: string, body?: unknown): Promise<{ status: number; body: Answer | undefined }> {
  const res = await fetch(`${GATEWAY}/api/v1${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The newest sign-in code mailed to `to` after `since` (the local stack's caught mail). */
async function mailedCode(to: string, since: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { body } = await json('GET', `/dev/mail?to=${encodeURIComponent(to)}`);
    for (const mail of body?.mail ?? []) {
      const code = isSignInCodeMail(mail) ? sixDigitCodeIn(mail) : undefined;
      if (code && Date.parse(mail.receivedAt) >= since - 1000) return code;
    }
    await sleep(200);
  }
  throw new Error(`no sign-in code was mailed to ${to}`);
}

async function demoSignIn(): Promise<void> {
  const since = Date.now();
  const signIn = await json('POST', '/auth/sign-in', { username: 'demoeducator', password: 'Demo2026' });
  let token: string | undefined = signIn.body?.token;
  if (signIn.status === 202 && signIn.body?.codeRequired) {
    const code = await mailedCode('educator@demo.elar.example', since);
    const verified = await json('POST', '/auth/sign-in/verify', { challengeId: signIn.body.challengeId, code });
    if (verified.status !== 200) throw new Error(`sign-in code refused: ${verified.status} ${JSON.stringify(verified.body)}`);
    token = verified.body?.token;
  } else if (signIn.status !== 200) {
    throw new Error(`demo sign-in answered ${signIn.status} ${JSON.stringify(signIn.body)}`);
  }
  const me = await fetch(`${GATEWAY}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  if (me.status !== 200) throw new Error(`GET /me as the demo educator answered ${me.status}`);
  say('demo sign-in through the gateway: ok');
  const portal = await fetch(`${GATEWAY}/`);
  const html = await portal.text();
  if (portal.status !== 200 || !html.includes('id="root"') || !portal.headers.get('content-security-policy')) {
    throw new Error(`the portal at ${GATEWAY}/ answered ${portal.status} (built? CSP?)`);
  }
  say('portal served at / with its CSP: ok');
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

async function oneRun(label: string): Promise<void> {
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  const output: string[] = [];
  for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let running = true;
  void exited.then(() => (running = false));
  try {
    for (;;) {
      if (!running) throw new Error(`npm start exited before it was ready:\n${output.join('').slice(-4000)}`);
      if (output.join('').includes('ELAR is running')) {
        const ready = await fetch(`${GATEWAY}/readyz`).then((r) => r.ok).catch(() => false);
        if (ready) break;
      }
      if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`npm start was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output.join('').slice(-4000)}`);
      await sleep(500);
    }
    say(`${label}: "ELAR is running" and the gateway ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await demoSignIn();
  } finally {
    const stopAt = Date.now();
    if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGINT');
    while (groupAlive(child.pid!) && Date.now() - stopAt < STOP_TIMEOUT_MS) await sleep(100);
    if (groupAlive(child.pid!)) {
      const left = output.join('').slice(-3000);
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`processes were still running ${STOP_TIMEOUT_MS / 1000} s after Ctrl-C:\n${left}`);
    }
    say(`${label}: Ctrl-C stopped every process in ${((Date.now() - stopAt) / 1000).toFixed(1)} s`);
  }
}

async function main() {
  await oneRun('first start (fresh data)');
  await oneRun('second start (kept data)');
  say('passed');
}

main().catch((err) => {
  process.stderr.write(`start-smoke | FAILED: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});

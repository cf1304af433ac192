import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { spawnManaged } from './processes';
import { PROJECT_ROOT } from './root';

export interface RunningDeployable {
  url: string;
  stop(): Promise<void>;
  exited: Promise<number | null>;
  recentOutput(): string;
}

/**
 * One deployable's real entry point (`services/<name>/src/main.ts` through tsx) as its own process, on
 * a free port, with `env` added to this process's environment. Resolves once it listens.
 */
export async function startDeployable(name: string, env: Record<string, string>): Promise<RunningDeployable> {
  const port = await freePort();
  const proc = spawnManaged({
    name, command: join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), args: [`services/${name}/src/main.ts`],
    env: { HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) }, cwd: PROJECT_ROOT, output: null,
  });
  const listening = waitForPort(port, 90_000).then(() => 'listening' as const);
  if ((await Promise.race([listening, proc.exited.then(() => 'exited' as const)])) === 'exited') {
    throw new Error(`${name} exited before listening:\n${proc.recentOutput()}`);
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => proc.stop(), exited: proc.exited, recentOutput: proc.recentOutput };
}

export interface Readiness {
  status: number;
  body: { status: string; checks: Record<string, string>; details?: Record<string, string> };
}

/**
 * GET /readyz until the `database` check answers ok (a fresh process's first query compiles Prisma's
 * engine, slower than a probe's timeout on a busy machine) or `tries` run out; the last answer.
 */
export async function readinessWhenWarm(url: string, tries = 20): Promise<Readiness> {
  for (let i = 1; ; i++) {
    const res = await fetch(`${url}/readyz`);
    const answer: Readiness = { status: res.status, body: (await res.json()) as Readiness['body'] };
    if (answer.body.checks?.database === 'ok' || i >= tries) return answer;
    await new Promise((r) => setTimeout(r, 500));
  }
}

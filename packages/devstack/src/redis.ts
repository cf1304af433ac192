import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { waitForPort } from './ports';
import { spawnManaged, type ManagedProcess } from './processes';

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Debian's redis-server (scripts/bootstrap.mjs and .ci/run install it where it is missing). */
export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  return dirs.filter(Boolean).map((dir) => join(dir, 'redis-server')).find((p) => existsSync(p));
}

/** A private, memory-only Redis on loopback for one test stack (the gateways' shared rate limits). */
export async function startPrivateRedis(opts: { port: number; output?: NodeJS.WritableStream | null }): Promise<PrivateRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server not found: install it with `apt-get install -y redis-server` (scripts/bootstrap.mjs does this as root)');
  const proc: ManagedProcess = spawnManaged({
    name: 'redis',
    command: binary,
    args: ['--port', String(opts.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    output: opts.output,
  });
  await Promise.race([
    waitForPort(opts.port, 30_000),
    proc.exited.then((code) => {
      throw new Error(`redis-server exited (${code}) while starting`);
    }),
  ]);
  return { url: `redis://127.0.0.1:${opts.port}`, port: opts.port, stop: () => proc.stop(5000) };
}

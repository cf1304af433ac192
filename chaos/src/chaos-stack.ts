import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort, startStack, type Stack } from '@elar/devstack';
import { evaluator, type Actor } from '../../bench/src/actors';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { retryingApi, type RetryingApi } from './retrying-api';

export const VENDOR_SECRET = 'chaos-print-vendor-secret-0001';

export interface ChaosStack {
  stack: Stack;
  /** One proxy in front of each service: every caller (gateway, worker, the other service) goes through it. */
  proxies: { identity: FaultProxy; licensing: FaultProxy };
  api: RetryingApi;
  evaluator: Actor;
  temporal: Client;
  spoolDir: string;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it (separate processes, real Temporal dev server with a file
 * database so it can be restarted, real PostgreSQL, SMTP catcher), with a fault proxy in front of
 * identity and licensing, a print spool of its own, and the limits that a load of test people would
 * trip (rate limits, emailed sign-in codes) opened.
 */
export async function startChaosStack(opts: { output?: NodeJS.WritableStream | null } = {}): Promise<ChaosStack> {
  const work = mkdtempSync(join(tmpdir(), 'elar-chaos-'));
  const spoolDir = join(work, 'print-spool');
  const ports = { identity: await freePort(), licensing: await freePort() };
  const proxies = {
    identity: await startFaultProxy({ port: await freePort(), target: `http://127.0.0.1:${ports.identity}`, pathPrefix: '/internal/' }),
    licensing: await startFaultProxy({ port: await freePort(), target: `http://127.0.0.1:${ports.licensing}`, pathPrefix: '/internal/' }),
  };
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      mode: 'test',
      ports,
      temporalDbFilename: join(work, 'temporal.db'),
      postgresServerUrl: process.env.TEST_DATABASE_URL,
      output: opts.output === undefined ? (process.env.CHAOS_VERBOSE ? process.stdout : null) : opts.output,
      env: {
        LOG_LEVEL: 'warn',
        IDENTITY_URL: proxies.identity.url,
        LICENSING_URL: proxies.licensing.url,
        SIGN_IN_CODE: 'off',
        RATE_LIMIT_PER_MINUTE: '100000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
        PRINT_SPOOL_DIR: spoolDir,
        PRINT_VENDOR_WEBHOOK_SECRET: VENDOR_SECRET,
      },
    });
    const api = retryingApi(stack.gatewayUrl);
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const started = stack;
    return {
      stack: started,
      proxies,
      api,
      evaluator: await evaluator(started, api),
      temporal: new Client({ connection }),
      spoolDir,
      async stop() {
        await api.close();
        await connection.close();
        await started.stop();
        await Promise.all([proxies.identity.close(), proxies.licensing.close()]);
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stack?.stop();
    await Promise.all([proxies.identity.close(), proxies.licensing.close()]);
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort, waitForPort } from './ports';
import { spawnManaged, type ManagedProcess } from './processes';

/** The versitygw release `scripts/bootstrap.mjs --test` builds from its Go module (keep the two equal). */
export const VERSITYGW_VERSION = 'v1.8.0';

/** Where bootstrap caches the versitygw binary (built once per machine), unless VERSITYGW_PATH names one. */
export function findVersityGw(): string {
  const path = process.env.VERSITYGW_PATH ?? join(homedir(), '.cache', 'elar-tools', `versitygw-${VERSITYGW_VERSION}`, 'versitygw');
  if (!existsSync(path)) throw new Error(`versitygw not found at ${path}: run \`node scripts/bootstrap.mjs --test\` (builds it with go install), or set VERSITYGW_PATH`);
  return path;
}

export interface ObjectStoreServer {
  endpoint: string;
  port: number;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Licensing's settings for this store (DOCUMENT_STORE=s3 and the DOCUMENT_S3_* variables). */
  licensingEnv: Record<string, string>;
  process: ManagedProcess & { recentOutput(): string };
  /** Starts it again on the same port and folder (after `process.stop()`, to test an outage). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real S3 server for tests: versitygw over a POSIX folder in a fresh temporary directory, on a
 * free loopback port, with one bucket created through the S3 API.
 */
export async function startObjectStore(opts: { bucket?: string; output?: NodeJS.WritableStream | null } = {}): Promise<ObjectStoreServer> {
  const binary = findVersityGw();
  const dir = await mkdtemp(join(tmpdir(), 'elar-s3-'));
  const port = await freePort();
  const accessKeyId = `elar${randomBytes(6).toString('hex')}`;
  const secretAccessKey = randomBytes(20).toString('hex');
  const bucket = opts.bucket ?? 'elar-documents';
  const launch = async () => {
    const proc = spawnManaged({
      name: 'versitygw',
      command: binary,
      args: ['--access', accessKeyId, '--secret', secretAccessKey, '--port', `127.0.0.1:${port}`, 'posix', dir],
      cwd: dir,
      output: opts.output ?? null,
    });
    await Promise.race([
      waitForPort(port, 30_000),
      proc.exited.then((code) => {
        throw new Error(`versitygw exited (${code}) while starting:\n${proc.recentOutput()}`);
      }),
    ]);
    return proc;
  };
  const server: ObjectStoreServer = {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    accessKeyId,
    secretAccessKey,
    licensingEnv: {
      DOCUMENT_STORE: 's3',
      DOCUMENT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      DOCUMENT_S3_BUCKET: bucket,
      DOCUMENT_S3_REGION: 'us-east-1',
      DOCUMENT_S3_FORCE_PATH_STYLE: 'true',
      DOCUMENT_S3_ACCESS_KEY_ID: accessKeyId,
      DOCUMENT_S3_SECRET_ACCESS_KEY: secretAccessKey,
    },
    process: await launch(),
    async restart() {
      await server.process.stop();
      server.process = await launch();
    },
    async stop() {
      await server.process.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const client = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    await server.stop();
    throw err;
  } finally {
    client.destroy();
  }
  return server;
}

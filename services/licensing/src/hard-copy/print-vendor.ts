import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@elar/errors';

export interface PrintJobRequest {
  /** The workflow's key for this shipment: the vendor makes one job per key, whatever is retried. */
  idempotencyKey: string;
  orderNumber: string;
  shipment: number;
  quantity: number;
  address: unknown;
  pdf: Uint8Array;
  /** Test mode: fail this job's first N submissions (-1: always); the vendor's default otherwise. */
  failTimes?: number;
}

/** What licensing needs from a print-and-mail vendor; its events come back through the webhook route. */
export interface PrintVendor {
  submit(job: PrintJobRequest): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<void>;
}

/** A fresh, unguessable job id (job ids appear in webhook calls; one derived from the order could be forged). */
export const newPrintJobId = () => `PJ-${randomBytes(12).toString('hex').toUpperCase()}`;

/** The job id this key was given, or a new one; two concurrent first submissions agree (an atomic hard link wins). */
async function jobIdFor(spoolDir: string, idempotencyKey: string): Promise<string> {
  const keys = join(spoolDir, 'keys');
  const keyFile = join(keys, createHash('sha256').update(idempotencyKey).digest('hex'));
  if (!existsSync(keyFile)) {
    await mkdir(keys, { recursive: true });
    const candidate = join(keys, `${randomBytes(8).toString('hex')}.tmp`);
    await writeFile(candidate, newPrintJobId());
    await link(candidate, keyFile).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    await unlink(candidate);
  }
  return (await readFile(keyFile, 'utf8')).trim();
}

/**
 * The default vendor: a spool folder (one folder per job: certificate.pdf and job.json, written
 * atomically). Each job gets a random id; the vendor remembers which id it gave each key
 * (`keys/<sha256 of key>`), so a retried submission is answered with the same job, never a second
 * one. It can be told to fail, to show retries.
 */
export function createLocalPrintVendor(opts: { spoolDir: string; failTimes: number }): PrintVendor {
  const attempts = new Map<string, number>();
  return {
    async submit(job) {
      const jobId = await jobIdFor(opts.spoolDir, job.idempotencyKey);
      const dir = join(opts.spoolDir, jobId);
      if (existsSync(join(dir, 'job.json'))) return { jobId };
      const attempt = (attempts.get(job.idempotencyKey) ?? 0) + 1;
      attempts.set(job.idempotencyKey, attempt);
      const failTimes = job.failTimes ?? opts.failTimes;
      if (failTimes < 0 || attempt <= failTimes) {
        throw new AppError(503, 'print-vendor-unavailable', `The print vendor refused the job (attempt ${attempt}).`);
      }
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'certificate.pdf'), job.pdf);
      const meta = { jobId, orderNumber: job.orderNumber, shipment: job.shipment, quantity: job.quantity, address: job.address, idempotencyKey: job.idempotencyKey };
      await writeFile(join(dir, 'job.json.tmp'), JSON.stringify(meta, null, 2));
      await rename(join(dir, 'job.json.tmp'), join(dir, 'job.json'));
      return { jobId };
    },
    async cancel(jobId) {
      const dir = join(opts.spoolDir, jobId);
      if (existsSync(dir)) await writeFile(join(dir, 'cancelled'), new Date().toISOString());
    },
  };
}

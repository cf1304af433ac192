import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LicensingConfig } from '../env';
import { createLocalPrintVendor, type PrintVendor } from './print-vendor';

/**
 * The print vendor PRINT_VENDOR names (env.ts refuses the local stand-in in production). The local
 * vendor's spool must be writable now, not at the first order: in a container it has to be a mounted
 * volume (the root filesystem is read-only), and a wrong mount stops the process at start, naming it.
 */
export async function choosePrintVendor(config: Pick<LicensingConfig, 'PRINT_VENDOR' | 'PRINT_SPOOL_DIR' | 'PRINT_VENDOR_FAIL_TIMES'>): Promise<PrintVendor> {
  switch (config.PRINT_VENDOR) {
    case 'local':
      await assertWritable(config.PRINT_SPOOL_DIR);
      return createLocalPrintVendor({ spoolDir: config.PRINT_SPOOL_DIR, failTimes: config.PRINT_VENDOR_FAIL_TIMES });
  }
}

async function assertWritable(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    throw new Error(`PRINT_SPOOL_DIR=${resolve(dir)} is not writable (${(err as NodeJS.ErrnoException).code ?? 'error'}): mount a writable volume there`);
  }
}

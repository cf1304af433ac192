import type { LicensingDeps } from '../deps';
import type { ScanStatus } from './scanner';

/**
 * Runs the configured scanner on a complete local file and gives the document's scan columns. A
 * scanner that fails (an antivirus daemon that is down) leaves the document `pending`: stored, shown
 * as not yet scanned, refused to anyone who tries to open it, and meeting no requirement.
 */
export async function scanDocument(
  deps: Pick<LicensingDeps, 'scanner' | 'logger'>,
  file: { path: string; contentType: string; sizeBytes: number },
): Promise<{ scanStatus: ScanStatus; scanDetail: string | null; scannedAt: Date | null }> {
  try {
    const verdict = await deps.scanner.scan(file);
    return verdict.status === 'clean'
      ? { scanStatus: 'clean', scanDetail: null, scannedAt: new Date() }
      : { scanStatus: 'quarantined', scanDetail: `${deps.scanner.name}: ${verdict.reason}`, scannedAt: new Date() };
  } catch (err) {
    deps.logger.warn({ errName: (err as Error).name, scanner: deps.scanner.name }, 'document scan failed; the document stays pending');
    return { scanStatus: 'pending', scanDetail: null, scannedAt: null };
  }
}

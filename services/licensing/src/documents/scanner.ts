import { open } from 'node:fs/promises';

/** What a scan decided. A quarantined document is kept for the record but cannot be opened or count for a requirement. */
export type ScanVerdict = { status: 'clean' } | { status: 'quarantined'; reason: string };

/** The scan states a document moves through (`pending` until a scanner has answered). */
export const SCAN_STATUSES = ['pending', 'clean', 'quarantined'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/**
 * Checks a complete file on local disk before anyone may open it. Pluggable: the default checks
 * type and structure; an antivirus adapter (ClamAV's INSTREAM, where signatures can be downloaded)
 * implements the same interface.
 */
export interface DocumentScanner {
  readonly name: string;
  scan(file: { path: string; contentType: string; sizeBytes: number }): Promise<ScanVerdict>;
}

const TAIL = 1024;

/**
 * The default scanner: the bytes must be the whole of a file of the sniffed kind. PDF: `%PDF-`
 * header and `%%EOF` in the last 1 KB (a truncated or appended-to file fails); PNG: signature,
 * IHDR first, every chunk's length inside the file, IEND last; JPEG: SOI, well-formed segments up to
 * the scan data, EOI in the last 1 KB.
 */
export function createStructureScanner(): DocumentScanner {
  return {
    name: 'structure',
    async scan({ path, contentType, sizeBytes }) {
      const fh = await open(path, 'r');
      const read = async (offset: number, length: number) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, sizeBytes - offset)));
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead);
      };
      try {
        const tail = await read(Math.max(0, sizeBytes - TAIL), TAIL);
        if (contentType === 'application/pdf') return checkPdf(await read(0, 8), tail);
        if (contentType === 'image/png') return await checkPng(read, sizeBytes);
        if (contentType === 'image/jpeg') return await checkJpeg(read, tail, sizeBytes);
        return quarantined(`no structure check for ${contentType}`);
      } finally {
        await fh.close();
      }
    },
  };
}

const clean = (): ScanVerdict => ({ status: 'clean' });
const quarantined = (reason: string): ScanVerdict => ({ status: 'quarantined', reason });

function checkPdf(head: Buffer, tail: Buffer): ScanVerdict {
  if (head.subarray(0, 5).toString('latin1') !== '%PDF-') return quarantined('PDF without a %PDF- header');
  if (!tail.toString('latin1').includes('%%EOF')) return quarantined('PDF without an %%EOF trailer (truncated or not a PDF)');
  return clean();
}

type Reader = (offset: number, length: number) => Promise<Buffer>;

async function checkPng(read: Reader, size: number): Promise<ScanVerdict> {
  let offset = 8;
  let first = true;
  while (offset + 12 <= size) {
    const header = await read(offset, 8);
    const length = header.readUInt32BE(0);
    const type = header.subarray(4, 8).toString('latin1');
    if (first && (type !== 'IHDR' || length !== 13)) return quarantined('PNG whose first chunk is not IHDR');
    first = false;
    if (!/^[A-Za-z]{4}$/.test(type)) return quarantined('PNG with a malformed chunk');
    const next = offset + 12 + length;
    if (next > size) return quarantined('PNG chunk runs past the end of the file');
    if (type === 'IEND') return next === size ? clean() : quarantined('PNG with data after IEND');
    offset = next;
  }
  return quarantined('PNG without an IEND chunk (truncated)');
}

async function checkJpeg(read: Reader, tail: Buffer, size: number): Promise<ScanVerdict> {
  const soi = await read(0, 2);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) return quarantined('JPEG without a start-of-image marker');
  let offset = 2;
  for (;;) {
    const marker = await read(offset, 4);
    if (marker.length < 4 || marker[0] !== 0xff) return quarantined('JPEG with a malformed segment');
    const type = marker[1]!;
    if (type === 0xd9) return quarantined('JPEG without image data');
    const length = marker.readUInt16BE(2);
    if (length < 2 || offset + 2 + length > size) return quarantined('JPEG segment runs past the end of the file');
    offset += 2 + length;
    if (type === 0xda) break; // start of scan: entropy-coded data follows up to EOI
  }
  const eoi = tail.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return eoi >= 0 && size - tail.length + eoi >= offset ? clean() : quarantined('JPEG without an end-of-image marker (truncated)');
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { spoolUpload } from './spool-upload';

const spoolDir = mkdtempSync(join(tmpdir(), 'elar-spool-test-'));
afterAll(() => rmSync(spoolDir, { recursive: true, force: true }));

/** An endless source that counts how much was pulled from it. */
function endless(first: Buffer) {
  let pulled = 0;
  const stream = new Readable({
    read() {
      const chunk = pulled === 0 ? first : Buffer.alloc(64 * 1024, 0x25);
      pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('receiving an upload', () => {
  it('stops at the first bytes when they are not a PDF, PNG or JPEG, keeping nothing', async () => {
    const src = endless(Buffer.from('MZ\x90\x00 an executable'));
    await expect(spoolUpload(src.stream, { maxBytes: 20 * 1024 * 1024, spoolDir })).rejects.toMatchObject({ status: 415, code: 'unsupported-document-type' });
    expect(src.pulled()).toBeLessThan(1024 * 1024);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('cuts a file off one chunk past the limit with 413, keeping nothing', async () => {
    const src = endless(Buffer.from('%PDF-1.7\n'));
    await expect(spoolUpload(src.stream, { maxBytes: 1024 * 1024, spoolDir })).rejects.toMatchObject({ status: 413, code: 'document-too-large' });
    expect(src.pulled()).toBeLessThan(2 * 1024 * 1024);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('keeps an accepted file with its sniffed type and SHA-256, however the bytes were split', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const pieces = [bytes.subarray(0, 2), bytes.subarray(2, 6), bytes.subarray(6)];
    const file = await spoolUpload(Readable.from(pieces), { maxBytes: bytes.length, spoolDir });
    expect(file).toMatchObject({ contentType: 'application/pdf', extension: 'pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readFileSync(file.path).equals(bytes)).toBe(true);
    rmSync(file.path);
  });
});

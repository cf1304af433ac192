import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { createStructureScanner } from './scanner';

const dir = mkdtempSync(join(tmpdir(), 'elar-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scanner = createStructureScanner();
let n = 0;
const scan = (bytes: Buffer, contentType: string) => {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, bytes);
  return scanner.scan({ path, contentType, sizeBytes: bytes.length });
};

const pdf = () =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Transcript');
    doc.end();
  });

function pngChunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
const png = () => {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.from([0, 0]))), pngChunk('IEND', Buffer.alloc(0))]);
};
const jpeg = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0xff, 0xd9]);

describe('the structure scanner', () => {
  it('passes whole PDF, PNG and JPEG files', async () => {
    expect(await scan(await pdf(), 'application/pdf')).toEqual({ status: 'clean' });
    expect(await scan(png(), 'image/png')).toEqual({ status: 'clean' });
    expect(await scan(jpeg(), 'image/jpeg')).toEqual({ status: 'clean' });
  });

  it('quarantines truncated files and files with something appended or smuggled in', async () => {
    const whole = await pdf();
    expect(await scan(whole.subarray(0, whole.length - 200), 'application/pdf')).toMatchObject({ status: 'quarantined', reason: expect.stringContaining('%%EOF') });
    expect(await scan(Buffer.concat([whole, Buffer.alloc(4096, 0x41)]), 'application/pdf')).toMatchObject({ status: 'quarantined' });
    expect(await scan(png().subarray(0, 40), 'image/png')).toMatchObject({ status: 'quarantined', reason: expect.stringMatching(/IEND|past the end/) });
    expect(await scan(Buffer.concat([png(), Buffer.from('<?php system($_GET[1]); ?>')]), 'image/png')).toMatchObject({ status: 'quarantined', reason: 'PNG with data after IEND' });
    expect(await scan(jpeg().subarray(0, 12), 'image/jpeg')).toMatchObject({ status: 'quarantined' });
    expect(await scan(Buffer.from('%PDF-1.7 but really html %%EOF'), 'image/png')).toMatchObject({ status: 'quarantined' });
  });
});

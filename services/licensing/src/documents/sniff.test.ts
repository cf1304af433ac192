import { describe, expect, it } from '@jest/globals';
import { safeDisplayName, sniffContentType } from './sniff';

describe('document checks', () => {
  it('recognises PDF, PNG and JPEG by their bytes and nothing else', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('<html><script>'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
  });

  it('refuses names with paths, control characters or markup', () => {
    expect(safeDisplayName('MTEL scores (2026).pdf')).toBe('MTEL scores (2026).pdf');
    for (const bad of ['../../etc/passwd', 'a\\b.pdf', '.htaccess', 'x\u0000.pdf', '<img src=x>.pdf', 'a\nb.pdf']) {
      expect(safeDisplayName(bad)).toBeUndefined();
    }
  });
});

describe('download names', () => {
  it('come from the sniffed type, never the uploader\'s extension', async () => {
    const { serverFileName } = await import('./sniff');
    expect(serverFileName('poly.html', 'pdf')).toBe('poly.pdf');
    expect(serverFileName('invoice.pdf.exe', 'pdf')).toBe('invoice.pdf');
    expect(serverFileName('MTEL scores (2026).pdf', 'pdf')).toBe('MTEL scores (2026).pdf');
    expect(serverFileName('scan', 'jpg')).toBe('scan.jpg');
  });
});

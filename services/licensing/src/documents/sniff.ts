/** The document kinds accepted, recognised by their first bytes (never by name or declared type). */
export function sniffContentType(bytes: Buffer): { contentType: string; extension: string } | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { contentType: 'application/pdf', extension: 'pdf' };
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { contentType: 'image/png', extension: 'png' };
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { contentType: 'image/jpeg', extension: 'jpg' };
  return undefined;
}

/** A display name without paths, control characters or anything a shell or browser would interpret. */
export function safeDisplayName(name: string): string | undefined {
  if (/[\\/\x00-\x1f\x7f]/.test(name) || name.startsWith('.') || name.includes('..')) return undefined;
  const trimmed = name.trim();
  return /^[\p{L}\p{N} ._()-]{1,200}$/u.test(trimmed) ? trimmed : undefined;
}

/**
 * The name a document is shown and downloaded under: the uploader's name without its extensions,
 * plus the extension of the type its bytes were sniffed as (`poly.html` holding a PDF becomes
 * `poly.pdf`, `invoice.pdf.exe` becomes `invoice.pdf`), so a browser never trusts the uploader's type.
 */
export function serverFileName(displayName: string, extension: string): string {
  const base = displayName.replace(/(\.[A-Za-z0-9]{1,5})+$/, '').trim();
  return `${base || 'document'}.${extension}`;
}

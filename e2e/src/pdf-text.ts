import { spawn } from 'node:child_process';

// unpdf (PDF.js) loads PDF.js as an ES module by dynamic import, which jest's CommonJS sandbox refuses
// without --experimental-vm-modules; a plain node process reads the PDF instead.
const READ_PDF = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
process.stdout.write(JSON.stringify({ text, totalPages }));
`;

/** The text (pages joined) and page count of a PDF, as a reader's copy-and-paste would give them. */
export function pdfText(pdf: Uint8Array): Promise<{ text: string; totalPages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', READ_PDF], { cwd: __dirname, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { text: string; totalPages: number }) : reject(new Error(`reading the PDF failed (${code}): ${err}`))));
    child.stdin.end(pdf);
  });
}

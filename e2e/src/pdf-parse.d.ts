declare module 'pdf-parse/lib/pdf-parse.js' {
  /** pdf-parse 1.1.1's parser (imported without its index, which reads a sample file in debug mode). */
  export default function pdfParse(data: Uint8Array): Promise<{ numpages: number; text: string }>;
}

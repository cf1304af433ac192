import PDFDocument from 'pdfkit';

export interface CertificateContent {
  holderName: string;
  licenseNumber: string;
  license: string;
  field: string;
  gradeLevel: string | null;
  status: string;
  issueDate: string;
  expiresAt: string | null;
  validity: string;
  verificationCode: string;
  /** `UNOFFICIAL COPY` for the free download; the order number for a printed copy. */
  copy: string;
}

/** Renders a one-page license certificate (US Letter) with its verification code. */
export function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: `License ${c.licenseNumber}`, Author: 'Massachusetts DESE' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text('Commonwealth of Massachusetts', { align: 'center' });
  doc.fontSize(13).text('Department of Elementary and Secondary Education', { align: 'center' });
  doc.moveDown(0.5).font('Helvetica').fontSize(11).text(c.copy, { align: 'center' });
  doc.moveDown(2).font('Helvetica').fontSize(12).text('This certifies that', { align: 'center' });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(22).text(c.holderName, { align: 'center' });
  doc.moveDown(0.5).font('Helvetica').fontSize(12).text('holds the following educator license:', { align: 'center' });
  doc.moveDown(1.5);
  const rows: [string, string][] = [
    ['License number', c.licenseNumber],
    ['License', c.license],
    ['Field', c.field],
    ['Grade level', c.gradeLevel ?? 'All'],
    ['Status', c.status],
    ['Issue date', c.issueDate],
    ['Expires', c.expiresAt ?? 'Does not expire by date'],
    ['Validity', c.validity],
  ];
  for (const [label, value] of rows) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  doc.moveDown(2).font('Helvetica-Bold').text(`Verification code: ${c.verificationCode}`);
  doc.font('Helvetica').fontSize(10).text('Anyone can check this license with the verification code in the public ELAR license lookup.');
  doc.end();
  return done;
}

import mjml2html from 'mjml';

/**
 * One typed source for every email: a template returns `EmailContent` (subject, greeting, blocks),
 * and `renderEmail` writes it twice: plain text, and responsive HTML through MJML. All text is
 * escaped for the HTML; nothing a template writes can become markup.
 */
export type Block =
  /** A paragraph of prose. */
  | { kind: 'paragraph'; text: string }
  /** Label / value rows ("Application: A-2026-000123"). */
  | { kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  /** A bulleted list, with an optional lead-in line. */
  | { kind: 'list'; title?: string; items: readonly string[] }
  /** A one-time code shown large. */
  | { kind: 'code'; value: string }
  /** A button (HTML) or "Label: URL" line (text) to a page of the portal. */
  | { kind: 'action'; label: string; url: string };

export interface EmailContent {
  subject: string;
  /** "Dear Dana Demo," or "Hello,". */
  greeting: string;
  blocks: readonly Block[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailBrand {
  /** Lines under every email (sender's name). */
  signature: readonly string[];
  /** Shown in the HTML header. */
  title: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'facts':
      return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return [...(b.title ? [b.title] : []), ...b.items.map((i) => `- ${i}`)].join('\n');
    case 'code':
      return `    ${b.value}`;
    case 'action':
      return `${b.label}: ${b.url}`;
  }
}

function blockMjml(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<mj-text>${escapeHtml(b.text)}</mj-text>`;
    case 'facts':
      return `<mj-table>${b.rows
        .map(([label, value]) => `<tr><td style="padding:2px 12px 2px 0;color:#555;vertical-align:top">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
        .join('')}</mj-table>`;
    case 'list':
      return `<mj-text>${b.title ? `${escapeHtml(b.title)}` : ''}<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></mj-text>`;
    case 'code':
      return `<mj-text font-size="28px" letter-spacing="6px" font-weight="bold" align="center">${escapeHtml(b.value)}</mj-text>`;
    case 'action':
      return `<mj-button href="${escapeHtml(b.url)}" background-color="#005ea2" align="left">${escapeHtml(b.label)}</mj-button>`;
  }
}

export function renderText(content: EmailContent, brand: EmailBrand): string {
  return [content.greeting, ...content.blocks.map(blockText), brand.signature.join('\n')].join('\n\n');
}

export async function renderEmail(content: EmailContent, brand: EmailBrand): Promise<RenderedEmail> {
  const source = `<mjml>
  <mj-head>
    <mj-title>${escapeHtml(content.subject)}</mj-title>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="1.5" color="#1b1b1b" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f0f0f0">
    <mj-section background-color="#162e51"><mj-column><mj-text color="#ffffff" font-size="18px" font-weight="bold">${escapeHtml(brand.title)}</mj-text></mj-column></mj-section>
    <mj-section background-color="#ffffff"><mj-column>
      <mj-text>${escapeHtml(content.greeting)}</mj-text>
      ${content.blocks.map(blockMjml).join('\n      ')}
      <mj-divider border-width="1px" border-color="#dfe1e2" />
      <mj-text font-size="13px" color="#555555">${brand.signature.map(escapeHtml).join('<br />')}</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
  const out = await mjml2html(source, { validationLevel: 'strict' });
  return { subject: content.subject, text: renderText(content, brand), html: out.html };
}

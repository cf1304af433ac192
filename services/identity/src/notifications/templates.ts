import { renderEmail, type EmailBrand, type RenderedEmail } from '@elar/mail';
import { badRequest, fieldProblems } from '@elar/errors';
import { accountTemplates } from './account-templates';
import { applicationTemplates } from './application-templates';
import { emailChangeTemplates } from './email-change-templates';
import { hardCopyTemplates } from './hard-copy-templates';
import { licenseTemplates } from './license-templates';
import { partialMatchTemplates } from './partial-match-templates';
import type { EmailTemplate, TemplateContext } from './template';

/** Every email the system sends, by name. Data carries ids and numbers, never personal data beyond the name. */
export const templates: Record<string, EmailTemplate> = {
  ...accountTemplates,
  ...partialMatchTemplates,
  ...applicationTemplates,
  ...licenseTemplates,
  ...hardCopyTemplates,
  ...emailChangeTemplates,
};

export const BRAND: EmailBrand = {
  title: 'ELAR · Educator Licensure And Renewal',
  signature: ['Massachusetts Department of Elementary and Secondary Education', 'Educator Licensure And Renewal (ELAR)'],
};

/** The template's subject, text and HTML for this data; a 400 for an unknown template or data it cannot use. */
export async function renderTemplate(template: string, data: Record<string, unknown>, ctx: TemplateContext): Promise<RenderedEmail> {
  const t = templates[template];
  if (!t) throw badRequest('unknown-template', `No email template named ${template}.`);
  const parsed = (t.data).safeParse(data);
  if (!parsed.success) throw badRequest('invalid-template-data', `The data for the ${template} email is incomplete or invalid.`, fieldProblems(parsed.error));
  return renderEmail(t.render(parsed.data, ctx), BRAND);
}

import { z } from 'zod';
import type { CatalogNames } from './catalog-names';
import { formatDateTime, formatMoney, listOf } from './format';
import { addressed, dear, defineTemplate, link, text, type TemplateContext } from './template';

/**
 * Emails of applications, review and correspondence. Workflows send ids (requirement ids, license
 * numbers, ISO dates); these templates write catalog names and Massachusetts dates.
 */
const application = { applicationNumber: z.string() };
const appLink = (ctx: TemplateContext, n: string) => link(`Open application ${n}`, `${ctx.portalUrl}/applications/${n}`);

/** `license:initial:mathematics:5-8` -> "Initial license: Mathematics, grades 5-8"; `endorsement:sei` -> "Sheltered English Immersion endorsement". */
export function describeItem(item: string, names: CatalogNames): string {
  const [kind, a = '', b = '', grade] = item.split(':');
  if (kind === 'endorsement') return `${names.endorsement(a)} endorsement`;
  return `${names.licenseType(a)} license: ${names.field(b)}${grade ? `, grades ${grade}` : ''}`;
}

const letterData = addressed({ ...application, dueDate: z.string(), missingRequirements: z.string() });
const missingList = (d: z.infer<typeof letterData>, ctx: TemplateContext) =>
  ({ kind: 'list' as const, title: 'What is missing:', items: listOf(d.missingRequirements).map(ctx.names.requirement) });

export const applicationTemplates = {
  'application-submitted': defineTemplate({
    data: addressed({ ...application, items: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: submitted`,
      greeting: dear(d.name),
      blocks: [
        text(`We received application ${d.applicationNumber}. It is now Ready for Review; an evaluator will take it in turn.`),
        { kind: 'list', title: 'You applied for:', items: listOf(d.items).map((i) => describeItem(i, ctx.names)) },
        text('You can follow its status, queue position and estimated decision date in ELAR.'),
        appLink(ctx, d.applicationNumber),
      ],
    }),
  }),
  'payment-received': defineTemplate({
    data: addressed({ ...application, amountCents: z.coerce.number().int(), receiptId: z.string(), paidAt: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: payment received`,
      greeting: dear(d.name),
      blocks: [
        text(`We received your payment for application ${d.applicationNumber}.`),
        { kind: 'facts', rows: [['Amount', formatMoney(d.amountCents)], ['Receipt', d.receiptId], ['Paid', formatDateTime(d.paidAt)]] },
        text('If every requirement has its document, submit the application to send it for review.'),
        appLink(ctx, d.applicationNumber),
      ],
    }),
  }),
  'information-requested': defineTemplate({
    data: letterData,
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: information requested`,
      greeting: dear(d.name),
      blocks: [
        text(`Your licensure evaluator needs more information for application ${d.applicationNumber}.`),
        missingList(d, ctx),
        { kind: 'facts', rows: [['Reply by', formatDateTime(d.dueDate)]] },
        text('The letter is in your ELAR correspondence. Upload the documents and reply there; your application goes back to the same evaluator.'),
        appLink(ctx, d.applicationNumber),
      ],
    }),
  }),
  'information-reminder': defineTemplate({
    data: letterData,
    render: (d, ctx) => ({
      subject: `Reminder: ELAR application ${d.applicationNumber} needs your reply`,
      greeting: dear(d.name),
      blocks: [
        text(`We have not yet received your reply for application ${d.applicationNumber}.`),
        missingList(d, ctx),
        { kind: 'facts', rows: [['Reply by', formatDateTime(d.dueDate)]] },
        text('If no reply arrives by then, the application will be closed incomplete.'),
        appLink(ctx, d.applicationNumber),
      ],
    }),
  }),
  'evaluator-reply-received': defineTemplate({
    data: addressed(application),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: the applicant replied`,
      greeting: dear(d.name),
      blocks: [text(`The applicant answered your letter for application ${d.applicationNumber}. It is back in your review (Under Review).`), appLink(ctx, d.applicationNumber)],
    }),
  }),
  'license-issued': defineTemplate({
    data: addressed({ ...application, licenseNumbers: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: license issued`,
      greeting: dear(d.name),
      blocks: [
        text(`Your application ${d.applicationNumber} was approved.`),
        { kind: 'list', title: 'License number(s):', items: listOf(d.licenseNumbers) },
        text('Your licenses, with a printable certificate, are listed in ELAR.'),
        link('See your licenses', `${ctx.portalUrl}/licenses`),
      ],
    }),
  }),
  'application-denied': defineTemplate({
    data: addressed({ ...application, reason: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber}: decision`,
      greeting: dear(d.name),
      blocks: [text(`Your application ${d.applicationNumber} was not approved.`), { kind: 'facts', rows: [['Reason', d.reason]] }, appLink(ctx, d.applicationNumber)],
    }),
  }),
  'application-closed-incomplete': defineTemplate({
    data: addressed(application),
    render: (d, ctx) => ({
      subject: `ELAR application ${d.applicationNumber} closed incomplete`,
      greeting: dear(d.name),
      blocks: [
        text(`Your application ${d.applicationNumber} was closed incomplete because the requested information did not arrive by its due date. You may start a new application.`),
        appLink(ctx, d.applicationNumber),
      ],
    }),
  }),
};

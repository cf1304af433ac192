import { z } from 'zod';
import { formatDate } from './format';
import { addressed, dear, defineTemplate, link, text } from './template';

/** Emails about licenses already held: renewals and expiry reminders. */
const whenText = (monthsBefore: number, expiresOn: string) =>
  monthsBefore === 0
    ? `expires today, ${formatDate(expiresOn)}`
    : `expires in ${monthsBefore} ${monthsBefore === 1 ? 'month' : 'months'}, on ${formatDate(expiresOn)}`;

export const licenseTemplates = {
  'license-renewed': defineTemplate({
    data: addressed({ renewalNumber: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR renewal ${d.renewalNumber}: license renewed`,
      greeting: dear(d.name),
      blocks: [text(`Your renewal ${d.renewalNumber} was processed. The new expiry date is shown with your licenses in ELAR.`), link('See your licenses', `${ctx.portalUrl}/licenses`)],
    }),
  }),
  'renewal-denied': defineTemplate({
    data: addressed({ renewalNumber: z.string(), reason: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR renewal ${d.renewalNumber}: decision`,
      greeting: dear(d.name),
      blocks: [text(`Your renewal ${d.renewalNumber} was not approved after audit.`), { kind: 'facts', rows: [['Reason', d.reason]] }, link('See your licenses', `${ctx.portalUrl}/licenses`)],
    }),
  }),
  'license-expiry-reminder': defineTemplate({
    data: addressed({
      licenseNumber: z.string(), licenseType: z.string(), field: z.string(), gradeLevel: z.string().nullish(),
      expiresOn: z.string(), monthsBefore: z.coerce.number().int().min(0),
    }),
    render: (d, ctx) => {
      const what = `${ctx.names.licenseType(d.licenseType)} license ${d.licenseNumber} (${ctx.names.field(d.field)}${d.gradeLevel ? `, grades ${d.gradeLevel}` : ''})`;
      return {
        subject: d.monthsBefore === 0 ? `ELAR: license ${d.licenseNumber} expires today` : `ELAR reminder: license ${d.licenseNumber} expires on ${formatDate(d.expiresOn)}`,
        greeting: dear(d.name),
        blocks: [
          text(`Your ${what} ${whenText(d.monthsBefore, d.expiresOn)}.`),
          text('A Professional license renews online from a year before it expires, with your professional development points and the renewal fee. Once renewed, these reminders stop.'),
          link('Renew or review your licenses', `${ctx.portalUrl}/licenses/${d.licenseNumber}`),
        ],
      };
    },
  }),
};

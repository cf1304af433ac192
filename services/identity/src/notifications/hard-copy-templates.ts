import { z } from 'zod';
import { formatMoney } from './format';
import { addressed, dear, defineTemplate, link, text, type TemplateContext } from './template';

/** Emails of the hard-copy fulfillment workflow. Data carries order and license numbers only. */
const order = { orderNumber: z.string(), licenseNumber: z.string() };
const orderLink = (ctx: TemplateContext, n: string) => link(`Open order ${n}`, `${ctx.portalUrl}/hard-copy-orders/${n}`);

export const hardCopyTemplates = {
  'hard-copy-paid': defineTemplate({
    data: addressed({ ...order, amountCents: z.coerce.number().int(), receiptId: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR hard copy ${d.orderNumber}: payment received`,
      greeting: dear(d.name),
      blocks: [
        text(`We received your payment for printed copies of license ${d.licenseNumber}. We will email you when it is mailed.`),
        { kind: 'facts', rows: [['Order', d.orderNumber], ['Amount', formatMoney(d.amountCents)], ['Receipt', d.receiptId]] },
        orderLink(ctx, d.orderNumber),
      ],
    }),
  }),
  'hard-copy-mailed': defineTemplate({
    data: addressed({ ...order, trackingNumber: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR hard copy ${d.orderNumber}: mailed`,
      greeting: dear(d.name),
      blocks: [text(`Your printed license ${d.licenseNumber} (order ${d.orderNumber}) was mailed.`), { kind: 'facts', rows: [['Tracking number', d.trackingNumber]] }, orderLink(ctx, d.orderNumber)],
    }),
  }),
  'hard-copy-delivered': defineTemplate({
    data: addressed(order),
    render: (d, ctx) => ({
      subject: `ELAR hard copy ${d.orderNumber}: delivered`,
      greeting: dear(d.name),
      blocks: [text(`Your printed license ${d.licenseNumber} (order ${d.orderNumber}) was delivered.`), orderLink(ctx, d.orderNumber)],
    }),
  }),
  'hard-copy-returned': defineTemplate({
    data: addressed(order),
    render: (d, ctx) => ({
      subject: `ELAR hard copy ${d.orderNumber}: returned to sender`,
      greeting: dear(d.name),
      blocks: [
        text(`The mail carrying your printed license ${d.licenseNumber} (order ${d.orderNumber}) came back to us.`),
        text('Confirm or correct your mailing address in ELAR and we will send it again at no charge.'),
        orderLink(ctx, d.orderNumber),
      ],
    }),
  }),
  'hard-copy-refunded': defineTemplate({
    data: addressed({ ...order, reason: z.string() }),
    render: (d, ctx) => ({
      subject: `ELAR hard copy ${d.orderNumber}: refunded`,
      greeting: dear(d.name),
      blocks: [text(`Order ${d.orderNumber} for printed copies of license ${d.licenseNumber} ended without printing (${d.reason}). Your payment was refunded in full.`), orderLink(ctx, d.orderNumber)],
    }),
  }),
};

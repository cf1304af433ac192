/** Emails of the hard-copy fulfillment workflow. Data carries order and license numbers only. */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

export const hardCopyTemplates = (sign: string): Record<string, Render> => ({
  'hard-copy-paid': (d) => ({
    subject: `ELAR hard copy ${d.orderNumber}: payment received`,
    text: `Dear ${d.name},\n\nWe received $${(Number(d.amountCents) / 100).toFixed(2)} for printed copies of license ${d.licenseNumber} (order ${d.orderNumber}, receipt ${d.receiptId}). We will email you when it is mailed.${sign}`,
  }),
  'hard-copy-mailed': (d) => ({
    subject: `ELAR hard copy ${d.orderNumber}: mailed`,
    text: `Dear ${d.name},\n\nYour printed license ${d.licenseNumber} (order ${d.orderNumber}) was mailed.\nTracking number: ${d.trackingNumber}${sign}`,
  }),
  'hard-copy-delivered': (d) => ({
    subject: `ELAR hard copy ${d.orderNumber}: delivered`,
    text: `Dear ${d.name},\n\nYour printed license ${d.licenseNumber} (order ${d.orderNumber}) was delivered.${sign}`,
  }),
  'hard-copy-returned': (d) => ({
    subject: `ELAR hard copy ${d.orderNumber}: returned to sender`,
    text: `Dear ${d.name},\n\nThe mail carrying your printed license ${d.licenseNumber} (order ${d.orderNumber}) came back to us. Confirm or correct your mailing address in ELAR and we will send it again at no charge.${sign}`,
  }),
  'hard-copy-refunded': (d) => ({
    subject: `ELAR hard copy ${d.orderNumber}: refunded`,
    text: `Dear ${d.name},\n\nOrder ${d.orderNumber} for printed copies of license ${d.licenseNumber} ended without printing (${d.reason}). Your payment was refunded in full.${sign}`,
  }),
});

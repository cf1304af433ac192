/**
 * Emails the licensing workflows ask identity to send (application review and correspondence).
 * Data carries application and license numbers, never personal data beyond the addressee's name.
 */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

export const applicationTemplates = (sign: string): Record<string, Render> => ({
  'information-requested': (d) => ({
    subject: `ELAR application ${d.applicationNumber}: information requested`,
    text: `Dear ${d.name},\n\nYour licensure evaluator needs more information for application ${d.applicationNumber}.\nMissing: ${d.missingRequirements}\nDue by: ${d.dueDate}\n\nThe letter is in your ELAR correspondence. Upload the documents and reply there; your application goes back to the same evaluator.${sign}`,
  }),
  'information-reminder': (d) => ({
    subject: `Reminder: ELAR application ${d.applicationNumber} needs your reply`,
    text: `Dear ${d.name},\n\nWe have not yet received your reply for application ${d.applicationNumber}.\nMissing: ${d.missingRequirements}\nDue by: ${d.dueDate}\n\nIf no reply arrives by then, the application will be closed incomplete.${sign}`,
  }),
  'evaluator-reply-received': (d) => ({
    subject: `ELAR application ${d.applicationNumber}: the applicant replied`,
    text: `Dear ${d.name},\n\nThe applicant answered your letter for application ${d.applicationNumber}. It is back in your review (Under Review).${sign}`,
  }),
  'license-issued': (d) => ({
    subject: `ELAR application ${d.applicationNumber}: license issued`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was approved.\nLicense number(s): ${d.licenseNumbers}\n\nYour licenses are listed in ELAR.${sign}`,
  }),
  'application-denied': (d) => ({
    subject: `ELAR application ${d.applicationNumber}: decision`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was not approved.\nReason: ${d.reason}${sign}`,
  }),
  'application-closed-incomplete': (d) => ({
    subject: `ELAR application ${d.applicationNumber} closed incomplete`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was closed incomplete because the requested information did not arrive by its due date. You may start a new application.${sign}`,
  }),
  'license-renewed': (d) => ({
    subject: `ELAR renewal ${d.renewalNumber}: license renewed`,
    text: `Dear ${d.name},\n\nYour renewal ${d.renewalNumber} was processed. The new expiry date is shown with your licenses in ELAR.${sign}`,
  }),
  'renewal-denied': (d) => ({
    subject: `ELAR renewal ${d.renewalNumber}: decision`,
    text: `Dear ${d.name},\n\nYour renewal ${d.renewalNumber} was not approved after audit.\nReason: ${d.reason}${sign}`,
  }),
});

/**
 * Emails the licensing workflows ask identity to send (application review and correspondence).
 * Data carries application and license numbers, never personal data beyond the addressee's name.
 */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

export const applicationTemplates = (sign: string): Record<string, Render> => ({
  'license-issued': (d) => ({
    subject: `ELAR: application ${d.applicationNumber} approved`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was approved. License number(s): ${d.licenseNumbers}.\nYou can see and print them under "My licenses" in ELAR.${sign}`,
  }),
  'application-denied': (d) => ({
    subject: `ELAR: application ${d.applicationNumber} denied`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was denied.\nReason: ${d.reason}${sign}`,
  }),
  'application-closed-incomplete': (d) => ({
    subject: `ELAR: application ${d.applicationNumber} closed incomplete`,
    text: `Dear ${d.name},\n\nYour application ${d.applicationNumber} was closed because the requested information did not arrive by its due date. You may apply again.${sign}`,
  }),
  'information-requested': (d) => ({
    subject: `ELAR: application ${d.applicationNumber} needs more information`,
    text: `Dear ${d.name},\n\nThe evaluator of application ${d.applicationNumber} needs: ${d.missingRequirements}.\nPlease upload them and reply in ELAR by ${d.dueDate}.${sign}`,
  }),
  'information-reminder': (d) => ({
    subject: `ELAR reminder: application ${d.applicationNumber} is waiting for your reply`,
    text: `Dear ${d.name},\n\nApplication ${d.applicationNumber} still needs: ${d.missingRequirements}.\nThe reply is due by ${d.dueDate}; without it the application closes incomplete.${sign}`,
  }),
  'evaluator-reply-received': (d) => ({
    subject: `ELAR: the educator replied on application ${d.applicationNumber}`,
    text: `The educator replied to the letter on application ${d.applicationNumber}; it is back in your queue, Under Review.${sign}`,
  }),
});

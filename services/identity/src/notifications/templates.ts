/** Every email the system sends. Data carries ids and numbers, never personal data beyond the name. */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

const sign = '\n\nMassachusetts Department of Elementary and Secondary Education\nEducator Licensure And Renewal (ELAR)';

export const templates: Record<string, Render> = {
  welcome: (d) => ({
    subject: 'Welcome to ELAR: your MEPID',
    text: `Dear ${d.name},\n\nYour ELAR profile is ready.\nMEPID: ${d.mepid}\nUser name: ${d.username}\n\nKeep your MEPID: schools and DESE use it to find your records.${sign}`,
  }),
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
};

export function renderTemplate(template: string, data: Record<string, unknown>) {
  const render = templates[template];
  return render ? render(data) : undefined;
}

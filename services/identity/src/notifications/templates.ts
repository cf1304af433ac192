/** Every email the system sends. Data carries ids and numbers, never personal data beyond the name. */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

const sign = '\n\nMassachusetts Department of Elementary and Secondary Education\nEducator Licensure And Renewal (ELAR)';

export const templates: Record<string, Render> = {
  welcome: (d) => ({
    subject: 'Welcome to ELAR: your MEPID',
    text: `Dear ${d.name},\n\nYour ELAR profile is ready.\nMEPID: ${d.mepid}\nUser name: ${d.username}\n\nKeep your MEPID: schools and DESE use it to find your records.${sign}`,
  }),
  'username-reminder': (d) => ({
    subject: 'ELAR: your user name',
    text: `Dear ${d.name},\n\nSomeone (we hope you) tried to create a new ELAR profile with your details. You already have an account.\nUser name: ${d.username}\n\nIf you forgot your password, use "Forgot password" and answer your hint question.${sign}`,
  }),
  'partial-match-opened-educator': (d) => ({
    subject: `ELAR: case ${d.caseNumber} opened for your profile`,
    text: `Hello,\n\nThe information you submitted conflicts with an existing record, so we opened case ${d.caseNumber}. A directory administrator will review it; we will email you the outcome and the next step.${sign}`,
  }),
  'partial-match-opened-admin': (d) => ({
    subject: `ELAR: partial match ${d.caseNumber} needs your decision`,
    text: `A new ELAR profile conflicts with a record of your organization (MEPID ${d.recordMepid}). Please review case ${d.caseNumber} in the directory and decide: correct the record, confirm these are different people, or reject.${sign}`,
  }),
  'partial-match-reminder': (d) => ({
    subject: `ELAR reminder: case ${d.caseNumber} is waiting for your decision`,
    text: `Case ${d.caseNumber} (record MEPID ${d.recordMepid}) still needs a decision. Without one it goes to DESE customer service.${sign}`,
  }),
  'partial-match-escalated': (d) => ({
    subject: `ELAR: case ${d.caseNumber} escalated to customer service`,
    text: `Case ${d.caseNumber} (record MEPID ${d.recordMepid}) had no decision from the organization in time and now rests with DESE customer service.${sign}`,
  }),
  'partial-match-outcome': (d) => ({
    subject: `ELAR: case ${d.caseNumber} decided`,
    text: `Hello,\n\nCase ${d.caseNumber} was decided: ${d.outcome}\n\nNext step: ${d.nextStep}${sign}`,
  }),
  'password-changed': (d) => ({
    subject: 'ELAR: your password was changed',
    text: `Dear ${d.name},\n\nThe password of your ELAR account (${d.username}) was just changed. If this was not you, reset it now and contact DESE customer service.${sign}`,
  }),
  'temporary-password': (d) => ({
    subject: 'ELAR: a temporary password for your account',
    text: `Dear ${d.name},\n\nYour directory administrator reset the password of your ELAR account.\nUser name: ${d.username}\nTemporary password: ${d.temporaryPassword}\n\nYou must choose a new password when you sign in.${sign}`,
  }),
  'reset-code': (d) => ({
    subject: 'ELAR: your password reset code',
    text: `Dear ${d.name},\n\nYour code to reset your ELAR password is ${d.code}. It works once and expires in 15 minutes. If you did not ask for it, ignore this email.${sign}`,
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
};

export function renderTemplate(template: string, data: Record<string, unknown>) {
  const render = templates[template];
  return render ? render(data) : undefined;
}

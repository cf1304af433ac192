/** Every email the system sends. Data carries ids and numbers, never personal data beyond the name. */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

import { applicationTemplates } from './application-templates';
import { hardCopyTemplates } from './hard-copy-templates';

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
  'sign-in-code': (d) => ({
    subject: 'ELAR: your sign-in code',
    text: `Dear ${d.name},\n\nYour code to sign in to ELAR is ${d.code}. It works once and expires in ${d.validMinutes} minutes.\nUser name: ${d.username}\n\nIf you did not just sign in, someone knows your password: change it now and contact DESE customer service.${sign}`,
  }),
  'reset-code': (d) => ({
    subject: 'ELAR: your password reset code',
    text: `Dear ${d.name},\n\nYour code to reset your ELAR password is ${d.code}. It works once and expires in 15 minutes. If you did not ask for it, ignore this email.${sign}`,
  }),
  ...applicationTemplates(sign),
  ...hardCopyTemplates(sign),
};

export function renderTemplate(template: string, data: Record<string, unknown>) {
  const render = templates[template];
  return render ? render(data) : undefined;
}

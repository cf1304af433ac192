type Render = (d: Record<string, unknown>) => { subject: string; text: string };

/** Emails about a change of the address itself: always to the address on file before the change. */
export const emailChangeTemplates = (sign: string): Record<string, Render> => ({
  'email-change-requested': (d) => ({
    subject: 'ELAR: a change of your email address was requested',
    text: `Dear ${d.name},\n\nYour directory administrator asked to change the email address of your ELAR account to ${d.maskedNewEmail}. Nothing changes until you confirm it: sign in to ELAR and confirm the change under your profile (or DESE customer service approves it).\n\nIf you did not expect this, do not confirm it, and contact DESE customer service.${sign}`,
  }),
  'email-changed': (d) => ({
    subject: 'ELAR: your email address was changed',
    text: `Dear ${d.name},\n\nThe email address of your ELAR account was changed to ${d.maskedNewEmail} (${d.how}). ELAR will write to the new address from now on.\n\nIf this was not you, contact DESE customer service at once.${sign}`,
  }),
});

/** `jo***@example.org`: enough for the owner to recognise, not a full address for whoever reads the old mailbox. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
};

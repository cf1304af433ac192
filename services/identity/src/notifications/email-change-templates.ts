import { z } from 'zod';
import { addressed, dear, defineTemplate, link, text } from './template';

/** Emails about a change of the address itself: always to the address on file before the change. */
export const emailChangeTemplates = {
  'email-change-requested': defineTemplate({
    data: addressed({ maskedNewEmail: z.string() }),
    render: (d, ctx) => ({
      subject: 'ELAR: a change of your email address was requested',
      greeting: dear(d.name),
      blocks: [
        text(`Your directory administrator asked to change the email address of your ELAR account to ${d.maskedNewEmail}.`),
        text('Nothing changes until you confirm it: sign in to ELAR and confirm the change under your profile (or DESE customer service approves it).'),
        text('If you did not expect this, do not confirm it, and contact DESE customer service.'),
        link('Sign in to ELAR', `${ctx.portalUrl}/sign-in`),
      ],
    }),
  }),
  'email-changed': defineTemplate({
    data: addressed({ maskedNewEmail: z.string(), how: z.string() }),
    render: (d) => ({
      subject: 'ELAR: your email address was changed',
      greeting: dear(d.name),
      blocks: [
        text(`The email address of your ELAR account was changed to ${d.maskedNewEmail} (${d.how}). ELAR will write to the new address from now on.`),
        text('If this was not you, contact DESE customer service at once.'),
      ],
    }),
  }),
};

import { z } from 'zod';
import { addressed, dear, defineTemplate, link, text } from './template';

/** Emails about the account itself: profile, sign-in, passwords. */
export const accountTemplates = {
  welcome: defineTemplate({
    data: addressed({ mepid: z.string(), username: z.string() }),
    render: (d, ctx) => ({
      subject: 'Welcome to ELAR: your MEPID',
      greeting: dear(d.name),
      blocks: [
        text('Your ELAR profile is ready.'),
        { kind: 'facts', rows: [['MEPID', d.mepid], ['User name', d.username]] },
        text('Keep your MEPID: schools and DESE use it to find your records.'),
        link('Sign in to ELAR', `${ctx.portalUrl}/sign-in`),
      ],
    }),
  }),
  'username-reminder': defineTemplate({
    data: addressed({ username: z.string() }),
    render: (d, ctx) => ({
      subject: 'ELAR: your user name',
      greeting: dear(d.name),
      blocks: [
        text('Someone (we hope you) tried to create a new ELAR profile with your details. You already have an account.'),
        { kind: 'facts', rows: [['User name', d.username]] },
        text('If you forgot your password, use "Forgot password" and answer your hint question.'),
        link('Sign in to ELAR', `${ctx.portalUrl}/sign-in`),
      ],
    }),
  }),
  'sign-in-code': defineTemplate({
    data: addressed({ username: z.string(), code: z.string().regex(/^\d{6}$/), validMinutes: z.coerce.number() }),
    render: (d) => ({
      subject: 'ELAR: your sign-in code',
      greeting: dear(d.name),
      blocks: [
        text('Your code to sign in to ELAR:'),
        { kind: 'code', value: d.code },
        text(`It works once and expires in ${d.validMinutes} minutes.`),
        { kind: 'facts', rows: [['User name', d.username]] },
        text('If you did not just sign in, someone knows your password: change it now and contact DESE customer service.'),
      ],
    }),
  }),
  'password-changed': defineTemplate({
    data: addressed({ username: z.string() }),
    render: (d, ctx) => ({
      subject: 'ELAR: your password was changed',
      greeting: dear(d.name),
      blocks: [
        text(`The password of your ELAR account (${d.username}) was just changed, and every session and trusted browser was signed out.`),
        text('If this was not you, reset it now and contact DESE customer service.'),
        link('Reset your password', `${ctx.portalUrl}/forgot-password`),
      ],
    }),
  }),
  'temporary-password': defineTemplate({
    data: addressed({ username: z.string(), temporaryPassword: z.string() }),
    render: (d, ctx) => ({
      subject: 'ELAR: a temporary password for your account',
      greeting: dear(d.name),
      blocks: [
        text('Your directory administrator reset the password of your ELAR account.'),
        { kind: 'facts', rows: [['User name', d.username], ['Temporary password', d.temporaryPassword]] },
        text('You must choose a new password when you sign in.'),
        link('Sign in to ELAR', `${ctx.portalUrl}/sign-in`),
      ],
    }),
  }),
  'reset-code': defineTemplate({
    data: addressed({ code: z.string().regex(/^\d{6}$/) }),
    render: (d) => ({
      subject: 'ELAR: your password reset code',
      greeting: dear(d.name),
      blocks: [
        text(`Your code to reset your ELAR password is ${d.code}.`),
        text('It works once and expires in 15 minutes. If you did not ask for it, ignore this email.'),
      ],
    }),
  }),
};

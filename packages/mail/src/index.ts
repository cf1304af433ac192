import nodemailer from 'nodemailer';

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML (sent as multipart/alternative with the text). */
  html?: string;
  /** Stable id so a resend of the same notification is recognisable downstream. */
  messageId: string;
  headers?: Record<string, string>;
}

export type Mailer = ReturnType<typeof createMailer>;

/** The one SMTP sender (nodemailer, pooled). */
export function createMailer(settings: MailSettings) {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail: OutgoingMail): Promise<{ messageId: string }> {
      const info = await transport.sendMail({ from: settings.from, ...mail });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
export { renderEmail, renderText, type Block, type EmailBrand, type EmailContent, type RenderedEmail } from './compose';

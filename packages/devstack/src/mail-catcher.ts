import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML alternative, when the message has one. */
  html?: string;
  messageId?: string;
  headers: Record<string, string>;
}

export interface MailCatcher {
  port: number;
  messages(): CaughtMail[];
  /** Resolves with the first message (already caught or arriving later) that matches. */
  waitFor(predicate: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server for development and tests: accepts every message, parses it, keeps it in memory
 * and, with `dir`, writes it as `<id>.json` (and the raw `.eml`) so a person can read it.
 */
export async function startMailCatcher(opts: { port: number; dir?: string }): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const waiters: { pred: (m: CaughtMail) => boolean; resolve: (m: CaughtMail) => void }[] = [];
  if (opts.dir) mkdirSync(opts.dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      // A mail the parser cannot read is refused to the sender (never left hanging, never an unhandled rejection).
      const receive = async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        const id = `${Date.now()}-${++seq}`;
        const headers: Record<string, string> = {};
        for (const [k, v] of parsed.headers) if (typeof v === 'string') headers[k] = v;
        const mail: CaughtMail = {
          id,
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : undefined,
          messageId: parsed.messageId,
          headers,
        };
        caught.push(mail);
        if (opts.dir) {
          writeFileSync(join(opts.dir, `${id}.eml`), raw);
          writeFileSync(join(opts.dir, `${id}.json`), JSON.stringify(mail, null, 2));
        }
        for (const w of [...waiters]) {
          if (w.pred(mail)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(mail);
          }
        }
      };
      stream.on('end', () => {
        receive().then(() => callback(), (err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    port: opts.port,
    messages: () => [...caught],
    waitFor(pred, timeoutMs = 30_000) {
      const found = caught.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { pred, resolve: (m: CaughtMail) => { clearTimeout(timer); resolve(m); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching email within ${timeoutMs} ms; caught: ${caught.map((m) => m.subject).join(' | ')}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { ParsedBodyOf, identityInternal } from '@elar/internal-api';
import { AppError, notFound, unprocessable } from '@elar/errors';
import { domainCounters } from '@elar/http';
import { currentContext } from '@elar/logger';
import type { Mailer } from '@elar/mail';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { createCatalogNames } from './catalog-names';
import type { TemplateContext } from './template';
import { renderTemplate } from './templates';

/** The SMTP sender, with what templates need to write names and links (the service wires both). */
export type IdentityMailer = Mailer & { templateContext?: () => Promise<TemplateContext> };

const offlineNames = createCatalogNames(undefined);
const defaultTemplateContext = async (): Promise<TemplateContext> => ({ names: await offlineNames(), portalUrl: 'http://127.0.0.1:8080' });

export type SendNotificationRequest = ParsedBodyOf<typeof identityInternal.sendNotification>;

const CLAIM_LEASE_MS = 60_000;

/** Sends the profile's email for a template, once per idempotency key. */
export async function sendNotification(db: Db, mailer: IdentityMailer, input: SendNotificationRequest) {
  const profile = await db.profile.findUnique({ where: { id: input.profileId } });
  if (!profile) throw notFound('profile-not-found', 'No such profile.');
  if (!profile.email) throw unprocessable('no-email-on-file', 'The profile has no email address.');
  return deliver(db, mailer, {
    idempotencyKey: input.idempotencyKey,
    profileId: profile.id,
    to: profile.email,
    template: input.template,
    data: { ...input.data, name: [profile.firstName, profile.lastName].join(' '), mepid: profile.mepid, username: profile.username },
  });
}

export interface Delivery {
  idempotencyKey: string;
  to: string;
  template: string;
  data: Record<string, unknown>;
  profileId?: string;
}

/**
 * Sends one email per idempotency key. The row is claimed before sending and marked sent after;
 * a retry after success answers `already-sent`; a claim left by a crashed sender expires after a minute.
 */
export async function deliver(db: Db, mailer: IdentityMailer, input: Delivery) {
  const rendered = await renderTemplate(input.template, input.data, await (mailer.templateContext ?? defaultTemplateContext)());

  let row = await db.notification.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (!row) {
    try {
      row = await db.notification.create({
        data: {
          idempotencyKey: input.idempotencyKey,
          profileId: input.profileId,
          template: input.template,
          toAddress: input.to,
          subject: rendered.subject,
          status: 'pending',
          // The request this email traces back to (for the welcome: the POST /profiles through the gateway).
          requestId: currentContext()?.requestId,
        },
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      row = await db.notification.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    }
  }
  if (row.status === 'sent') return { notificationId: row.id, status: 'already-sent' as const };

  const claimed = await db.notification.updateMany({
    where: {
      id: row.id,
      status: { not: 'sent' },
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(Date.now() - CLAIM_LEASE_MS) } }],
    },
    data: { status: 'sending', claimedAt: new Date() },
  });
  if (claimed.count === 0) {
    const current = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    if (current.status === 'sent') return { notificationId: row.id, status: 'already-sent' as const };
    // Retryable (503 with Retry-After): the first attempt's send is still running; its outcome decides.
    throw new AppError(503, 'notification-in-progress', 'This notification is being sent; retry shortly.', { retryAfterSeconds: 5 });
  }
  const { messageId } = await mailer.send({
    to: input.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<${row.id}@elar.example>`,
    headers: { 'X-ELAR-Notification': row.id, 'X-ELAR-Template': input.template },
  });
  domainCounters().emailsSent.inc({ template: input.template });
  await db.notification.update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date(), messageId } });
  return { notificationId: row.id, status: 'sent' as const };
}

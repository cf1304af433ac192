import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { backgroundPage, contactPage, credentialsPage, identityPage } from '@elar/api';
import { AppError, badRequest, notFound, unprocessable } from '@elar/errors';
import { parse } from '@elar/http';
import type { IdentityDeps } from '../deps';
import type { Prisma } from '../generated/prisma/client';
import { submitProfile, type CreateProfileResult } from '../profiles/create-profile';
import { assemble, hashCredentialsPage, hashIdentityPage } from '../profiles/submission';

const PAGES = ['identity', 'contact', 'background', 'credentials'] as const;
type PageName = (typeof PAGES)[number];
const DRAFT_DAYS = 30;

/** Each page is validated and saved as it is submitted; what is stored never holds a secret in clear. */
async function storedPage(deps: IdentityDeps, page: PageName, body: unknown) {
  switch (page) {
    case 'identity': return hashIdentityPage(deps.piiKey, parse(identityPage, body));
    case 'contact': return parse(contactPage, body);
    case 'background': return parse(backgroundPage, body);
    case 'credentials': return hashCredentialsPage(deps.passwordPolicy, parse(credentialsPage, body));
  }
}

/** What a draft shows back: which pages are done, and the non-sensitive fields. */
function draftView(d: { id: string; pages: unknown; expiresAt: Date; submittedAt: Date | null }) {
  const pages = d.pages as Record<string, Record<string, unknown>>;
  const { ssnLast4Digest: _s, dateOfBirth: _d, ...identity } = pages.identity ?? {};
  return {
    draftToken: d.id,
    expiresAt: d.expiresAt.toISOString(),
    submitted: d.submittedAt !== null,
    completedPages: PAGES.filter((p) => pages[p]),
    identity: pages.identity ? identity : null,
    contact: pages.contact ?? null,
    background: pages.background ?? null,
    credentials: pages.credentials ? { hintQuestion: pages.credentials.hintQuestion } : null,
  };
}

/** The four-page profile: a draft token to resume, one profile per draft however often it is submitted. */
export function mountDraftRoutes(app: Express, deps: IdentityDeps, respond: (result: CreateProfileResult) => { status: number; body: unknown }): void {
  const load = async (token: string) => {
    const d = await deps.db.profileDraft.findUnique({ where: { id: token } });
    if (!d || d.expiresAt < new Date()) throw notFound('draft-not-found', 'No such draft, or it expired (drafts last 30 days).');
    return d;
  };

  app.post('/profile-drafts', async (_req, res) => {
    const d = await deps.db.profileDraft.create({
      data: { id: randomBytes(24).toString('base64url'), expiresAt: new Date(Date.now() + DRAFT_DAYS * 86_400_000) },
    });
    res.status(201).json(draftView(d));
  });

  app.get('/profile-drafts/:token', async (req, res) => {
    res.json(draftView(await load(req.params.token)));
  });

  app.put('/profile-drafts/:token/pages/:page', async (req, res) => {
    const page = req.params.page as PageName;
    if (!PAGES.includes(page)) throw badRequest('unknown-page', `Pages are ${PAGES.join(', ')}.`);
    const d = await load(req.params.token);
    if (d.submittedAt) throw new AppError(409, 'draft-submitted', 'This draft was already submitted.');
    const stored = await storedPage(deps, page, req.body);
    const pages = { ...(d.pages as object), [page]: stored } as Prisma.InputJsonValue;
    const updated = await deps.db.profileDraft.update({ where: { id: d.id }, data: { pages } });
    res.json(draftView(updated));
  });

  app.post('/profile-drafts/:token/submit', async (req, res) => {
    const d = await load(req.params.token);
    if (d.result) {
      const again = respond(d.result as unknown as CreateProfileResult);
      res.status(again.status).json(again.body);
      return;
    }
    const pages = d.pages as Record<PageName, unknown>;
    const missing = PAGES.filter((p) => !pages[p]);
    if (missing.length) {
      throw unprocessable('draft-incomplete', 'Some pages are not filled in yet.', missing.map((p) => ({ field: p, code: 'required', message: 'Page not completed.' })));
    }
    // One submission per draft: claim it first, so a double click waits for the first and gets its result.
    const claimed = await deps.db.profileDraft.updateMany({ where: { id: d.id, submittedAt: null }, data: { submittedAt: new Date() } });
    if (claimed.count === 0) throw new AppError(409, 'draft-submitting', 'This draft is being submitted; fetch it again in a moment.');
    let result: CreateProfileResult;
    try {
      result = await submitProfile(
        { ...deps, temporal: deps.temporal.client, escalateAfterBusinessDays: deps.config.PARTIAL_MATCH_ESCALATION_BUSINESS_DAYS },
        assemble(...(PAGES.map((p) => pages[p]) as Parameters<typeof assemble>)),
      );
    } catch (err) {
      await deps.db.profileDraft.update({ where: { id: d.id }, data: { submittedAt: null } });
      throw err;
    }
    await deps.db.profileDraft.update({ where: { id: d.id }, data: { result: result } });
    const out = respond(result);
    res.status(out.status).json(out.body);
  });
}

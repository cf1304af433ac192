import { describe, expect, it } from '@jest/globals';
import { AppError } from '@elar/errors';
import { createCatalogNames } from './catalog-names';
import { renderTemplate, templates } from './templates';
import type { TemplateContext } from './template';

// A slice of licensing's catalog, as identity reads it from GET /catalog.
const catalog = {
  licenseTypes: [{ id: 'initial', name: 'Initial' }, { id: 'professional', name: 'Professional' }],
  fields: [{ id: 'mathematics', name: 'Mathematics' }],
  endorsements: [{ id: 'sei', name: 'Sheltered English Immersion' }],
  requirements: [{ id: 'masters-transcript', name: "Master's degree (or equivalent) transcript" }, { id: 'mtel-subject', name: 'Passing MTEL subject matter test scores' }],
};
const licensing = { get: async () => ({ status: 200, body: catalog }) } as unknown as Parameters<typeof createCatalogNames>[0];
const names = createCatalogNames(licensing);
const context = async (): Promise<TemplateContext> => ({ names: await names(), portalUrl: 'https://elar.example' });

const person = { name: 'Dana Demo', mepid: '12345678', username: 'ddemo4821' };
/** Data each template is sent with (as workflows and services send it: ids, ISO dates, cents). */
const samples: Record<string, Record<string, unknown>> = {
  welcome: person,
  'username-reminder': person,
  'sign-in-code': { ...person, code: '042917', validMinutes: 15 },
  'password-changed': person,
  'temporary-password': { ...person, temporaryPassword: 'Xk7pQ2mR9a' },
  'reset-code': { ...person, code: '318204' },
  'partial-match-opened-educator': { caseNumber: 'PM-2026-7', recordMepid: '87654321' },
  'partial-match-opened-admin': { ...person, caseNumber: 'PM-2026-7', recordMepid: '87654321' },
  'partial-match-reminder': { ...person, caseNumber: 'PM-2026-7', recordMepid: '87654321' },
  'partial-match-escalated': { ...person, caseNumber: 'PM-2026-7', recordMepid: '87654321' },
  'partial-match-outcome': { caseNumber: 'PM-2026-7', outcome: 'the record was corrected', nextStep: 'Sign in with the user name we emailed you.' },
  'application-submitted': { ...person, applicationNumber: 'A-2026-000123', items: 'license:initial:mathematics:5-8, endorsement:sei' },
  'payment-received': { ...person, applicationNumber: 'A-2026-000123', amountCents: 12500, receiptId: 'rcpt_8f2a', paidAt: '2026-12-01T15:04:05.000Z' },
  'information-requested': { ...person, applicationNumber: 'A-2026-000123', dueDate: '2026-12-20T16:11:51.596Z', missingRequirements: 'masters-transcript, mtel-subject' },
  'information-reminder': { ...person, applicationNumber: 'A-2026-000123', dueDate: '2026-07-20T16:11:51.596Z', missingRequirements: 'masters-transcript' },
  'evaluator-reply-received': { ...person, applicationNumber: 'A-2026-000123' },
  'license-issued': { ...person, applicationNumber: 'A-2026-000123', licenseNumbers: '500123, 500124' },
  'application-denied': { ...person, applicationNumber: 'A-2026-000123', reason: 'The transcript does not show a bachelor’s degree.' },
  'application-closed-incomplete': { ...person, applicationNumber: 'A-2026-000123' },
  'license-renewed': { ...person, renewalNumber: 'R-2026-000045' },
  'renewal-denied': { ...person, renewalNumber: 'R-2026-000045', reason: 'Too few PDPs in pedagogy.' },
  'license-expiry-reminder': { ...person, licenseNumber: '500123', licenseType: 'professional', field: 'mathematics', gradeLevel: '5-8', expiresOn: '2031-06-30', monthsBefore: 6 },
  'hard-copy-paid': { ...person, orderNumber: 'HC-2026-9', licenseNumber: '500123', amountCents: 2500, receiptId: 'rcpt_77' },
  'hard-copy-mailed': { ...person, orderNumber: 'HC-2026-9', licenseNumber: '500123', trackingNumber: '9400111899223344556677' },
  'hard-copy-delivered': { ...person, orderNumber: 'HC-2026-9', licenseNumber: '500123' },
  'hard-copy-returned': { ...person, orderNumber: 'HC-2026-9', licenseNumber: '500123' },
  'email-change-requested': { ...person, maskedNewEmail: 'da***@example.org' },
  'email-changed': { ...person, maskedNewEmail: 'da***@example.org', how: 'confirmed by you' },
  'hard-copy-refunded': { ...person, orderNumber: 'HC-2026-9', licenseNumber: '500123', reason: 'cancelled before printing' },
};

describe('email templates', () => {
  it('has a sample (and so a snapshot) for every template', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(templates).sort());
  });

  for (const name of Object.keys(samples)) {
    it(`${name}: subject and text read as a person would get them`, async () => {
      const email = await renderTemplate(name, samples[name]!, await context());
      expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchSnapshot();
      // The HTML carries the same words (escaped), in a full document.
      expect(email.html).toMatch(/^<!doctype html>/i);
      expect(email.html).toContain(email.subject.replace(/&/g, '&amp;').replace(/’/g, '’'));
    });
  }

  it('writes catalog names and Massachusetts dates, never ids or UTC timestamps', async () => {
    const email = await renderTemplate('information-requested', samples['information-requested']!, await context());
    expect(email.text).toContain("Master's degree (or equivalent) transcript");
    expect(email.text).not.toContain('masters-transcript');
    expect(email.text).toContain('December 20, 2026 at 11:11 AM EST');
    expect(email.text).not.toContain('2026-12-20T');
    const summer = await renderTemplate('information-reminder', samples['information-reminder']!, await context());
    expect(summer.text).toContain('July 20, 2026 at 12:11 PM EDT');
    expect(email.html).toContain('href="https://elar.example/applications/A-2026-000123"');
  });

  it('escapes whatever the data holds in the HTML', async () => {
    const email = await renderTemplate('application-denied', { ...samples['application-denied'], reason: '<img src=x onerror=alert(1)>' }, await context());
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses an unknown template or data it cannot use, naming the field', async () => {
    await expect(renderTemplate('no-such-email', {}, await context())).rejects.toMatchObject({ status: 400, code: 'unknown-template' });
    const err = (await renderTemplate('payment-received', { name: 'A', applicationNumber: 'A-1' }, await context()).catch((e: AppError) => e)) as AppError;
    expect(err).toMatchObject({ status: 400, code: 'invalid-template-data' });
    expect((err.details as { field: string }[]).map((d) => d.field)).toEqual(expect.arrayContaining(['amountCents', 'receiptId']));
  });

  it('falls back to readable ids when the catalog cannot be read', async () => {
    const offline = createCatalogNames({ get: async () => { throw new Error('down'); } } as unknown as Parameters<typeof createCatalogNames>[0]);
    const email = await renderTemplate('information-requested', samples['information-requested']!, { names: await offline(), portalUrl: 'https://elar.example' });
    expect(email.text).toContain('- Masters transcript');
  });
});

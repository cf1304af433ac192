import { DEMO, PDF, checkPage, createProfileInBrowser, docsScreenshot, expect, newPerson, personPage, signIn, test } from './support';

test('a new teacher creates a profile, applies, pays, submits, sees the license issued live and orders a printed copy', async ({ page, browser }) => {
  const teacher = newPerson('Avery');
  await createProfileInBrowser(page, teacher);
  const username = (await page.getByTestId('new-username').textContent())!.trim();

  await signIn(page, username, teacher.password, teacher.email);
  await checkPage(page, 'My applications');
  await expect(page.getByText('You have no applications yet.')).toBeVisible();

  // Apply: catalog picker, then checklist, uploads with progress, payment and submit.
  await page.getByRole('link', { name: 'Start a new application' }).click();
  await checkPage(page, 'Apply for a license');
  await page.getByLabel('License type').selectOption({ label: 'Provisional' });
  await page.getByLabel('Subject area (field)').selectOption({ label: 'Mathematics (Teacher)' });
  await page.getByLabel('Grade level').selectOption('5-8');
  await page.getByRole('button', { name: 'Continue to requirements' }).click();
  await checkPage(page, /^Application A-/);
  const applicationNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Application ', '').trim();
  await expect(page.getByText('Missing').first()).toBeVisible();

  // A file that is not a PDF, PNG or JPEG is refused in words, next to its field.
  const firstUpload = page.locator('input[type=file]').first();
  await firstUpload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some text') });
  await expect(page.getByText('That file is not a PDF, PNG or JPEG').first()).toBeVisible();

  const uploads = page.locator('input[type=file]');
  const count = await uploads.count();
  for (let i = 0; i < count; i++) {
    await uploads.nth(i).setInputFiles({ name: `document-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByText(`Uploaded document-${i + 1}.pdf`)).toBeVisible();
  }
  await expect(page.getByText('Missing')).toHaveCount(0);
  await checkPage(page, `Application ${applicationNumber}`);
  await docsScreenshot(page, 'apply');

  // A declined card is explained and nothing is charged; the good card pays once.
  await page.getByLabel('Card number').fill('4000000000000002');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: /^Pay \$/ }).click();
  await expect(page.getByText('Your card was declined. Nothing was charged.')).toBeVisible();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay \$/ }).click();
  await expect(page.getByText('The fee is paid.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await checkPage(page, `Application ${applicationNumber}`);
  await expect(page.getByText('Ready for Review').first()).toBeVisible();
  await expect(page.getByText(/Place in the review queue/)).toBeVisible();

  // The dashboard shows the live status, queue position and estimated decision date.
  await page.getByRole('link', { name: 'My applications' }).click();
  await checkPage(page, 'My applications');
  await expect(page.getByTestId('queue')).toContainText('Estimated decision by');
  await docsScreenshot(page, 'dashboard');

  // An evaluator (their own browser) claims and approves; the teacher's dashboard changes without a reload.
  const evaluator = await personPage(browser);
  await signIn(evaluator, DEMO.evaluator.username, DEMO.password, DEMO.evaluator.email);
  await checkPage(evaluator, 'Review queue');
  await evaluator.getByRole('button', { name: `Claim ${applicationNumber}` }).click();
  await checkPage(evaluator, `Review ${applicationNumber}`);
  await expect(evaluator.getByRole('group', { name: 'Decision' })).toBeVisible();
  await docsScreenshot(evaluator, 'evaluator-decision');
  await expect(page.getByText('Under Review').first()).toBeVisible();
  await evaluator.getByRole('button', { name: 'Record decision' }).click();
  // Under load a decision can take a while (the review workflow issues the license before answering).
  await expect(evaluator.getByText('Approved: the license is being issued.')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Issued').first()).toBeVisible({ timeout: 60_000 });
  await evaluator.context().close();

  // Licenses: the certificate and a printed copy, paid once and tracked.
  await page.getByRole('link', { name: 'Licenses' }).click();
  await checkPage(page, 'My licenses');
  const certificate = page.getByRole('link', { name: 'Download certificate (PDF)' }).first();
  await expect(certificate).toBeVisible();
  const pdf = await page.request.get((await certificate.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await page.getByRole('button', { name: /Order a printed copy/ }).first().click();
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: /^Order and pay \$25\.00/ }).click();
  await expect(page.getByText('Order placed.')).toBeVisible();
  await expect(page.getByRole('row', { name: /HC-\d{4}-\d{6}/ })).toBeVisible();
  await checkPage(page, 'My licenses');
});

import { submittedApplication } from './api-setup';
import { DEMO, PDF, checkPage, choose, expect, newPerson, personPage, signIn, test } from './support';

test('an evaluator requests information, the teacher uploads and replies from the inbox, the evaluator approves', async ({ page, browser }) => {
  const teacher = newPerson('Robin');
  const { username, applicationNumber } = await submittedApplication(teacher);

  // The evaluator filters the queue, claims the application and asks for a better transcript.
  await signIn(page, DEMO.evaluator.username, DEMO.password, DEMO.evaluator.email);
  await checkPage(page, 'Review queue');
  await page.getByLabel('Status').selectOption('Ready for Review');
  await page.getByLabel('License type').selectOption({ label: 'Provisional' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('button', { name: `Claim ${applicationNumber}` }).click();
  await checkPage(page, `Review ${applicationNumber}`);
  await page.getByLabel('Internal note (never shown to the educator)').fill('Transcript scan is unreadable.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Transcript scan is unreadable.')).toBeVisible();
  await choose(page, 'Request information');
  // Without a requirement the API refuses, and the page says what to fix next to the choice.
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Choose at least one requirement.')).toBeVisible();
  await choose(page, "Bachelor's degree transcript");
  await page.getByLabel('Letter to the educator').fill('Please upload a legible copy of your bachelor\'s transcript.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Letter sent')).toBeVisible({ timeout: 90_000 });
  await checkPage(page, `Review ${applicationNumber}`);

  // The teacher answers from the correspondence inbox: upload, then reply.
  const educator = await personPage(browser);
  await signIn(educator, username, teacher.password, teacher.email);
  await expect(educator.getByText('You have a letter from your evaluator to answer.')).toBeVisible();
  await educator.getByRole('link', { name: 'Correspondence' }).click();
  await checkPage(educator, 'Correspondence');
  await expect(educator.getByText("Please upload a legible copy of your bachelor's transcript.")).toBeVisible();
  await educator.getByLabel("Bachelor's degree transcript").setInputFiles({ name: 'transcript-legible.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(educator.getByText('Uploaded transcript-legible.pdf')).toBeVisible();
  await educator.getByLabel('Your reply to the evaluator').fill('Here is a clearer scan.');
  await educator.getByRole('button', { name: 'Send reply' }).click();
  await expect(educator.getByText('Your reply was sent.')).toBeVisible();
  await checkPage(educator, 'Correspondence');

  // Back with the same evaluator, who approves.
  await page.reload();
  await checkPage(page, `Review ${applicationNumber}`);
  await expect(page.getByText('Under Review').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'transcript-legible.pdf' })).toBeVisible();
  await choose(page, 'Approve and issue');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Approved: the license is being issued.')).toBeVisible({ timeout: 90_000 });
  await educator.context().close();
});

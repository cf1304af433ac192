import { createEducatorByApi } from './api-setup';
import { checkPage, choose, expect, newPerson, mailedCode, signIn, test } from './support';

test('a teacher who forgot the password gets an emailed code, sets a new password and signs in with it', async ({ page }) => {
  const teacher = newPerson('Morgan');
  const username = await createEducatorByApi(teacher);

  await page.goto('/sign-in');
  await checkPage(page, 'Sign in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await checkPage(page, 'Reset your password');
  await choose(page, 'Email me a 6-digit code');
  await page.getByLabel('First name').fill(teacher.firstName);
  await page.getByLabel('Last name').fill(teacher.lastName);
  await page.getByLabel('Date of birth').fill(teacher.dateOfBirth);
  await page.getByLabel('Last 4 digits of your Social Security number').fill(teacher.ssnLast4);
  await page.getByLabel('Email on your profile').fill(teacher.email);
  const asked = Date.now() - 1000;
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('we emailed a 6-digit code')).toBeVisible();
  await checkPage(page, 'Reset your password');

  const code = await mailedCode(teacher.email, 'reset-code', asked);
  expect(code).toMatch(/^\d{6}$/);
  // A wrong code is refused in words; the right one works once.
  await page.getByLabel('Code from the email').fill(code === '000000' ? '111111' : '000000');
  await page.getByLabel('New password', { exact: true }).fill('Fresh2026y');
  await page.getByLabel('New password again').fill('Fresh2026y');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('That code is not right or has expired.')).toBeVisible();
  await page.getByLabel('Code from the email').fill(code);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  await checkPage(page, 'Reset your password');

  await signIn(page, username, 'Fresh2026y', teacher.email);
  await checkPage(page, 'My applications');
});

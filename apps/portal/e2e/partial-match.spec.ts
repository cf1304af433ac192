import { DEMO, checkPage, createProfileInBrowser, expect, newPerson, signIn, test } from './support';

test('a directory administrator adds staff, a conflicting profile becomes a case, and the administrator resolves it', async ({ page, browser }) => {
  const person = newPerson('Jordan');
  await signIn(page, DEMO.admin.username, DEMO.password, DEMO.admin.email);
  await checkPage(page, /^Staff directory/);
  await page.getByLabel('First name').fill(person.firstName);
  await page.getByLabel('Last name').fill(person.lastName);
  await page.getByLabel('Date of birth').fill(person.dateOfBirth);
  await page.getByLabel('Last 4 digits of the Social Security number').fill(person.ssnLast4);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText(`Added ${person.firstName} ${person.lastName}`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(person.lastName) })).toBeVisible();

  // The same person creates a profile under a changed last name: the portal explains the partial match.
  const teacher = await (await browser.newContext({ baseURL: process.env.PORTAL_URL })).newPage();
  await createProfileInBrowser(teacher, { ...person, lastName: `${person.lastName}Married` }, { organizationCodes: 'MALDEN-PS' });
  await expect(teacher.getByRole('heading', { name: 'We need to check your details' })).toBeVisible();
  const caseNumber = (await teacher.getByTestId('case-number').textContent())!.trim();
  expect(caseNumber).toMatch(/^PM-\d{4}-\d+/);
  await teacher.context().close();

  await page.getByRole('link', { name: 'Partial matches' }).click();
  await checkPage(page, 'Partial-match cases');
  await page.getByRole('button', { name: `Same person: correct the record for case ${caseNumber}` }).click();
  await expect(page.getByText(`Case ${caseNumber}: decision recorded`)).toBeVisible();
  await checkPage(page, 'Partial-match cases');
});

import { createEducatorByApi } from './api-setup';
import { checkPage, expect, newPerson, signIn, test } from './support';

test('the browser session is an httpOnly SameSite cookie with CSRF protection, pages carry a strict CSP, API clients keep bearer tokens', async ({ page }) => {
  const teacher = newPerson('Casey');
  const username = await createEducatorByApi(teacher);

  // Pages: a CSP without inline script, and no inline script in the HTML.
  const home = await page.request.get('/');
  const csp = home.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(await home.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  await signIn(page, username, teacher.password, teacher.email);
  await checkPage(page, 'My applications');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('elar-session'))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  // Served over http://127.0.0.1 outside production: not Secure (reasoned in browser-session.ts).
  expect(session.secure).toBe(false);
  expect(cookies.find((c) => c.name.endsWith('elar-csrf'))).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
  // Nothing about the session in script-readable storage.
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie.includes('elar-session')])).toEqual([0, 0, false]);

  // The cookie alone cannot change anything: a request without the CSRF header is refused.
  const forged = await page.request.post('/api/v1/applications', { data: { items: [{ kind: 'endorsement', endorsement: 'sei' }] } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe('csrf-token-invalid');
  const csrf = cookies.find((c) => c.name.endsWith('elar-csrf'))!.value;
  const real = await page.request.post('/api/v1/applications', { data: { items: [{ kind: 'endorsement', endorsement: 'sei' }] }, headers: { 'x-csrf-token': csrf } });
  expect(real.status()).toBe(201);

  // API clients: the same sign-in returns a bearer token in the body.
  const api = await fetch(`${process.env.PORTAL_URL}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: teacher.password }) });
  if (api.status === 200) expect(typeof ((await api.json()) as { token?: unknown }).token).toBe("string");

  // Signing out clears the cookies; the API then answers 401.
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await checkPage(page, 'Sign in');
  expect((await page.context().cookies()).filter((c) => c.name.includes('elar-'))).toEqual([]);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('every page is usable at 360 px wide with the keyboard alone: sign in and reach the license lookup', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await checkPage(page, 'Educator licensure in Massachusetts');
  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  // The menu opens from the keyboard on a narrow screen.
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  const lookup = page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'License lookup' });
  await expect(lookup).toBeVisible();
  await lookup.focus();
  await page.keyboard.press('Enter');
  await checkPage(page, 'Look up a license');
  await page.keyboard.press('Tab');
  await page.getByLabel('Educator name').focus();
  await page.keyboard.type('Nobody Atall');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No license matches.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkPage(page, 'Look up a license');
});

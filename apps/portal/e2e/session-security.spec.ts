import { createEducatorByApi } from './api-setup';
import { checkPage, expect, mailedCode, newPerson, signIn, tabTo, test } from './support';

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

  expect(await signIn(page, username, teacher.password, teacher.email, { trust: true })).toEqual({ codeAsked: true });
  await checkPage(page, 'My applications');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('elar-session'))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  // Served over http://127.0.0.1 outside production: not Secure (reasoned in browser-session.ts).
  expect(session.secure).toBe(false);
  expect(cookies.find((c) => c.name.endsWith('elar-csrf'))).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
  // "Trust this browser": the device token is an httpOnly cookie too, never in the page.
  expect(cookies.find((c) => c.name.endsWith('elar-device'))).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
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

  // Signing out clears the session cookies (the trusted-browser one stays); the API then answers 401.
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await checkPage(page, 'Sign in');
  expect((await page.context().cookies()).map((c) => c.name).filter((n) => n.includes('elar-'))).toEqual([expect.stringMatching(/elar-device$/)]);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  // The trusted browser signs in again without a code.
  expect(await signIn(page, username, teacher.password, teacher.email)).toEqual({ codeAsked: false });
});

test('at 360 px wide, with the keyboard alone, a teacher signs in and reaches the dashboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await checkPage(page, 'Educator licensure in Massachusetts');
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  // The menu opens from the keyboard on a narrow screen; Tab reaches its links.
  await tabTo(page, page.getByRole('button', { name: 'Menu' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Sign in' }));
  await page.keyboard.press('Enter');
  await checkPage(page, 'Sign in');
  await tabTo(page, page.getByLabel('User name'));
  await page.keyboard.type('demoeducator');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Demo2026');
  await page.keyboard.press('Enter');
  const code = page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' });
  const dashboard = page.getByRole('heading', { level: 1, name: 'My applications' });
  await expect(code.or(dashboard)).toBeVisible();
  if (await code.isVisible()) {
    await tabTo(page, page.getByLabel('Sign-in code'));
    await page.keyboard.type(await mailedCode('educator@demo.elar.example', 'sign-in-code'));
    await page.keyboard.press('Enter');
  }
  await checkPage(page, 'My applications');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = join(here, '..', 'test-results');
const DOCS_SCREENSHOTS = join(here, '..', '..', '..', 'docs', 'screenshots');

/** Every test saves its last page to test-results/<test title>.png (CI keeps it in the log's folder). */
export const test = base.extend<{ lastScreenshot: void }>({
  lastScreenshot: [
    async ({ page }, use, info) => {
      await use();
      mkdirSync(RESULTS_DIR, { recursive: true });
      const name = info.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true }).catch(() => undefined);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Waits for the page's heading, then runs axe (WCAG 2.0/2.1/2.2 A and AA rules) and fails on any
 * serious or critical violation, naming the rule and the elements.
 */
export async function checkPage(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `axe on ${page.url()}`).toEqual([]);
}

/** With PORTAL_DOCS_SCREENSHOTS=1, also saves the page as docs/screenshots/<name>.png (shown in the README). */
export async function docsScreenshot(page: Page, name: string) {
  if (!process.env.PORTAL_DOCS_SCREENSHOTS) return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface Mail { to: string[]; subject: string; text: string; receivedAt: string; headers: Record<string, string> }

/** The newest email to `address` that `matches`, as the runner copied it from the SMTP catcher. */
async function waitForMail(address: string, matches: (m: Mail) => boolean, after = 0): Promise<Mail> {
  const dir = process.env.PORTAL_MAIL_DIR!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mails = (existsSync(dir) ? readdirSync(dir) : [])
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail)
      .filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()) && matches(m) && Date.parse(m.receivedAt) >= after)
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    if (mails[0]) return mails[0];
    if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${matches.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Presses Tab (at most `max` times) until the element has focus: how a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Ticks a USWDS radio button or checkbox the way a person does: its input is visually hidden, its label is the target. */
export async function choose(page: Page, label: string) {
  await page.locator('label', { hasText: label }).click();
  await expect(page.getByLabel(label, { exact: true })).toBeChecked();
}

/** The 6-digit code of the newest email from identity's `template` (`sign-in-code`, `reset-code`) to `address` after `after`. */
export async function mailedCode(address: string, template: 'sign-in-code' | 'reset-code', after = 0): Promise<string> {
  const mail = await waitForMail(address, (m) => m.headers['x-elar-template'] === template, after);
  return /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
}

/**
 * Signs in through the page, including the emailed-code step when the system asks for it (optionally
 * ticking "Trust this browser"). Resolves with whether the code was asked.
 */
export async function signIn(page: Page, username: string, password: string, email: string, opts: { trust?: boolean } = {}): Promise<{ codeAsked: boolean }> {
  const started = Date.now() - 1000;
  await page.goto('/sign-in');
  await checkPage(page, 'Sign in');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const codeHeading = page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' });
  await expect(codeHeading.or(page.getByRole('button', { name: /^Sign out/ }))).toBeVisible();
  const codeAsked = await codeHeading.isVisible();
  if (codeAsked) {
    await checkPage(page, 'Enter your sign-in code');
    await page.getByLabel('Sign-in code').fill(await mailedCode(email, 'sign-in-code', started));
    if (opts.trust) await choose(page, 'Trust this browser for 30 days (do not use on a shared computer)');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('button', { name: /^Sign out/ })).toBeVisible();
  return { codeAsked };
}

/** A second person in their own browser context (their own cookies). */
export async function personPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL });
  return context.newPage();
}

/** The smallest document the licensing service accepts as a PDF (it checks the bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export const DEMO = { password: 'Demo2026', evaluator: { username: 'demoevaluator', email: 'evaluator@demo.elar.example' }, admin: { username: 'demoadmin', email: 'admin@demo.elar.example' } };

let n = 0;
/** A person nobody has used yet in this run. */
export function newPerson(prefix: string) {
  n++;
  const id = `${Date.now().toString(36)}${n}`;
  const letters = id.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  return {
    firstName: `${prefix}`,
    lastName: `Tester${letters.charAt(0).toUpperCase()}${letters.slice(1)}`,
    email: `${prefix.toLowerCase()}.${id}@school.example`,
    dateOfBirth: `19${70 + (Date.now() % 25)}-0${1 + (n % 9)}-1${n % 9}`,
    ssnLast4: String(1000 + ((Date.now() + n) % 9000)),
    password: 'Teach2026x',
  };
}
export type Person = ReturnType<typeof newPerson>;

/** Fills the four-page profile wizard and returns the user name the outcome shows (or the page, for other outcomes). */
export async function createProfileInBrowser(page: Page, p: Person, opts: { organizationCodes?: string } = {}) {
  await page.goto('/create-profile');
  await checkPage(page, 'Create your educator profile');
  await page.getByRole('button', { name: 'Start' }).click();
  await checkPage(page, 'Step 1 of 4: About you');
  await page.getByLabel('First name').fill(p.firstName);
  await page.getByLabel('Last name').fill(p.lastName);
  await page.getByLabel('Date of birth').fill(p.dateOfBirth);
  await page.getByLabel('Last 4 digits of your Social Security number').fill(p.ssnLast4);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await checkPage(page, 'Step 2 of 4: How to reach you');
  await page.getByLabel('Email').fill(p.email);
  await page.getByLabel('Street address').fill('12 Main Street');
  await page.getByLabel('City').fill('Malden');
  await page.getByLabel('ZIP code').fill('02148');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await checkPage(page, 'Step 3 of 4: Your background');
  if (opts.organizationCodes) await page.getByLabel(/schools or districts/).fill(opts.organizationCodes);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await checkPage(page, 'Step 4 of 4: Your password');
  await page.getByLabel('Password', { exact: true }).fill(p.password);
  await page.getByLabel('Password again').fill(p.password);
  await page.getByLabel('Hint question').fill('First school I taught at?');
  await page.getByLabel('Hint answer').fill('Lincoln');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await checkPage(page, 'Check and submit');
  await page.getByRole('button', { name: 'Submit profile' }).click();
  await checkPage(page, 'Profile submitted');
}

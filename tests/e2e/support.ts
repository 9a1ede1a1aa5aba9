import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const password = 'a long enough password';

export function uniqueEmail(prefix = 'learner'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

/**
 * Fails on any serious or critical accessibility violation on the page as it is now. axe runs inside the page,
 * so for a page with JavaScript off (jsEnabled false) the same address is checked in a JavaScript-enabled twin
 * that shares the cookies.
 */
export async function expectAccessible(page: Page, jsEnabled = true): Promise<void> {
  if (!jsEnabled) {
    const browser = page.context().browser();
    if (!browser) throw new Error('No browser to open a twin page in');
    // The test runner applies the test's options to new contexts too, so JavaScript is switched on explicitly.
    const twin = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: true });
    try {
      const twinPage = await twin.newPage();
      await twinPage.goto(page.url());
      await expectAccessible(twinPage);
    } finally {
      await twin.close();
    }
    return;
  }
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export async function signUp(page: Page, options: { name?: string; email?: string; next?: string } = {}): Promise<string> {
  const email = options.email ?? uniqueEmail();
  await page.goto(options.next ? `/signup?next=${encodeURIComponent(options.next)}` : '/signup');
  await page.getByLabel('Full name').fill(options.name ?? 'Alex Example');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Profession').selectOption('physiotherapist');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return email;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs up and joins a course, ending on its To do page. */
export async function joinCourse(page: Page, course: string): Promise<string> {
  const email = await signUp(page);
  await page.goto(`/courses/${course}`);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${course}/todo$`));
  return email;
}

import { expect, test, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectAccessible, joinCourse } from './support';

/** The README's screenshots, retaken on every run so they show the site as it is. */
const screenshot = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const maxBytes = 400 * 1024;

const articleStep = '/courses/best/steps/w1-what-is-best';

/** Fails when the page is wider than the window, which on a phone means sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

test('a BeST article step on a phone', async ({ page }) => {
  await joinCourse(page, 'best');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(articleStep);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is the BeST programme?');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  const file = screenshot('step-on-phone.png');
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeLessThan(maxBytes);

  // The narrowest phone the design supports.
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
});

test('the Progress page on a desktop', async ({ page, baseURL }) => {
  await joinCourse(page, 'best');
  // Some steps done, so the page shows a learner part-way: all of week 1 and half of week 2.
  const steps = await page.locator('.todo-steps a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const week1 = await page.locator('.todo-week').nth(0).locator('.todo-steps a').count();
  const week2 = await page.locator('.todo-week').nth(1).locator('.todo-steps a').count();
  for (const step of steps.slice(0, week1 + Math.floor(week2 / 2))) {
    const response = await page.request.post(step, { form: { intent: 'complete' }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/courses/best/progress');
  await expect(page.getByRole('row', { name: /Week 1:/ })).toContainText('100%');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  const file = screenshot('progress.png');
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeLessThan(maxBytes);

  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
});

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectAccessible, joinCourse } from './support';

const course = parse(readFileSync(new URL('../../content/courses/best/course.yaml', import.meta.url), 'utf8')) as {
  cpd: { statement: string };
};

/** What a step page points to or loads that could be broken: its links, images and media. */
interface StepReport {
  h1: string[];
  urls: string[];
  brokenImages: string[];
  mediaWithoutMetadata: string[];
}

test('the course page shows the CPD hours and approval', async ({ page }) => {
  await page.goto('/courses/best');
  await expect(page.getByRole('list', { name: 'Course facts' })).toContainText('12 CPD hours');
  const approval = page.getByRole('region', { name: 'CPD approval' });
  await expect(approval).toContainText(course.cpd.statement);
  await expect(approval).toContainText('British Psychological Society');
  await expectAccessible(page);
});

test('every step of all six weeks renders, with working links, images and media, and is accessible', async ({ page, baseURL }) => {
  // About 70 pages, each checked with axe: minutes on a small machine.
  test.setTimeout(240_000);
  await joinCourse(page, 'best');

  const steps = await page.locator('.todo-steps a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(steps.length).toBeGreaterThanOrEqual(50);
  await expect(page.locator('.todo-week')).toHaveCount(6);
  await expect(page.getByText(`6 weeks, ${steps.length} steps.`)).toBeVisible();
  for (let week = 1; week <= 6; week++) {
    await expect(page.locator(`#week-${week}`)).toBeVisible();
  }
  await expectAccessible(page);

  const origin = new URL(baseURL!).origin;
  const external = new Set<string>();
  const toCheck = new Set<string>();
  const problems: string[] = [];

  for (const step of steps) {
    const response = await page.goto(step);
    expect(response?.status(), step).toBe(200);
    const report: StepReport = await page.evaluate(async () => {
      // Lazy images below the fold would never load in a page nobody scrolls.
      const images = [...document.images];
      for (const img of images) img.loading = 'eager';
      await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
      const media = [...document.querySelectorAll<HTMLMediaElement>('video, audio')];
      const metadata = await Promise.all(
        media.map(
          (m) =>
            new Promise<boolean>((resolve) => {
              if (m.readyState >= HTMLMediaElement.HAVE_METADATA) return resolve(true);
              m.addEventListener('loadedmetadata', () => resolve(true), { once: true });
              m.addEventListener('error', () => resolve(false), { once: true });
              setTimeout(() => resolve(m.readyState >= HTMLMediaElement.HAVE_METADATA), 15_000);
              if (m.networkState === HTMLMediaElement.NETWORK_EMPTY) m.load();
            }),
        ),
      );
      const urls = [...document.querySelectorAll<HTMLElement>('[href], [src]')].map(
        (el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src,
      );
      return {
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
        urls,
        brokenImages: images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
        mediaWithoutMetadata: media.filter((_, i) => !metadata[i]).map((m) => m.currentSrc || m.src),
      };
    });

    if (report.h1.length !== 1 || !report.h1[0]) problems.push(`${step}: has ${report.h1.length} h1 headings, want one with text`);
    for (const src of report.brokenImages) problems.push(`${step}: image ${src} did not load`);
    for (const src of report.mediaWithoutMetadata) problems.push(`${step}: media ${src} did not reach HAVE_METADATA`);
    for (const raw of report.urls) {
      const url = new URL(raw);
      if (url.origin !== origin) external.add(`${step}: ${raw}`);
      else {
        url.hash = '';
        toCheck.add(url.href);
      }
    }
    await expectAccessible(page);
  }

  expect(external, 'links and resources outside the site').toEqual(new Set());
  // Checked once each with the learner's cookies; redirects are followed, so a redirect to a page that works is fine.
  for (const url of toCheck) {
    const response = await page.request.get(url);
    if (response.status() !== 200) problems.push(`${url} answered ${response.status()}`);
  }
  expect(problems).toEqual([]);
});

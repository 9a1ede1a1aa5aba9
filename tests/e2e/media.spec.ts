import { expect, test, type Locator, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectAccessible, joinCourse } from './support';

const clip = '/courses/fixture-basics/steps/short-clip';

/** Opens the video step with its island hydrated (Astro drops the ssr attribute then) and its place loaded. */
async function openClip(page: Page): Promise<Locator> {
  const loaded = page.waitForResponse((r) => r.url().endsWith('/media-progress') && r.request().method() === 'GET');
  await page.goto(clip);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await loaded;
  const video = page.locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  return video;
}

/** Plays muted, as browsers allow without a click. */
const play = (video: Locator) => video.evaluate((v: HTMLVideoElement) => ((v.muted = true), v.play()));
const time = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime);
const saved = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/media-progress') && r.request().method() === 'POST');

test('a video step shows captions, offers speeds and resumes where the learner stopped', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  const video = await openClip(page);
  await expect(page.locator('video track[kind="captions"]')).toHaveAttribute('default', '');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).toBe('showing');
  await page.getByText('Transcript').click();
  await expect(page.getByText('A short clip for the tests. It has captions.')).toBeVisible();
  await expectAccessible(page);

  const speed = page.getByLabel('Playback speed');
  await expect(speed.locator('option')).toHaveText(['0.75x', '1x', '1.25x', '1.5x', '2x']);
  await speed.selectOption('0.75x');
  expect(await video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.75);
  await speed.selectOption('1x');

  await play(video);
  await expect.poll(() => time(video)).toBeGreaterThan(1.5);
  const pausedSave = saved(page);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  expect((await pausedSave).status()).toBe(204);
  const position = await time(video);
  await expect(page.getByText('Not completed yet.')).toBeVisible();

  await page.reload();
  const again = await openClip(page);
  await expect.poll(() => time(again)).toBeCloseTo(position, 1);

  // Played on from there to the end, the two visits together cover the clip: the step completes itself.
  await play(again);
  await expect(page.getByText('You have completed this step.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('You have completed this step.')).toBeVisible();
});

test('seeking to the end does not complete the step, and it can still be marked complete by hand', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  const video = await openClip(page);
  await play(video);
  await expect.poll(() => time(video)).toBeGreaterThan(0.5);
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = v.duration - 0.3));
  const endSave = page.waitForResponse(
    (r) => r.url().endsWith('/media-progress') && r.request().method() === 'POST' && (r.request().postDataJSON() as { positionSeconds: number }).positionSeconds > 4,
  );
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.ended), { timeout: 10_000 }).toBe(true);
  await endSave;
  await expect(page.getByText('Not completed yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Not completed yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByText('You have completed this step.')).toBeVisible();
});

test('the media endpoint refuses bad positions and strangers', async ({ page, browser }) => {
  await joinCourse(page, 'fixture-basics');
  const url = '/api/courses/fixture-basics/steps/short-clip/media-progress';
  const origin = { Origin: baseURL };
  expect((await page.request.post(url, { headers: origin, data: { positionSeconds: -1, playedSeconds: 0 } })).status()).toBe(400);
  expect((await page.request.post(url, { headers: { ...origin, 'Content-Type': 'application/json' }, data: '{"position' })).status()).toBe(400);
  // Only video and audio steps keep a place.
  expect((await page.request.get('/api/courses/fixture-basics/steps/hello/media-progress')).status()).toBe(404);
  expect(await (await page.request.get(url)).json()).toEqual({ positionSeconds: 0, playedSeconds: 0 });
  const stranger = await browser.newContext();
  try {
    expect((await stranger.request.get(url)).status()).toBe(401);
  } finally {
    await stranger.close();
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the video step is a plain player with captions and a transcript', async ({ page }) => {
    await joinCourse(page, 'fixture-basics');
    await page.goto(clip);
    await expect(page.locator('video[controls]')).toHaveCount(1);
    await expect(page.locator('video track[kind="captions"][default]')).toHaveCount(1);
    await expect(page.getByLabel('Playback speed')).toHaveCount(0);
    await expect(page.getByText('Transcript')).toBeVisible();
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(page.getByText('You have completed this step.')).toBeVisible();
    await expectAccessible(page, false);
  });
});

import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { baseURL } from '../playwright.config';
import { expectAccessible as checkAccessible, joinCourse } from './support';

const sameOrigin = { Origin: baseURL };
const course = '/courses/fixture-basics';
const assessment = `${course}/steps/final-assessment`;
const api = `/api${course}/quizzes/fixture-final/attempts`;

interface Bank {
  questions: { id: string; text: string; options: { id: string; text: string; feedback: string }[] }[];
}
const bank = (id: string) => parse(readFileSync(fileURLToPath(new URL(`../fixtures/courses/fixture-basics/quizzes/${id}.yaml`, import.meta.url)), 'utf8')) as Bank;

/** One right answer of three: the multiple-choice question is only partly answered, which counts as wrong. */
const failing = { 'two plus two': ['Five'], 'even numbers': ['Two'], 'capital of England': ['London'] };
const passing = { 'two plus two': ['Four'], 'even numbers': ['Two', 'Four'], 'capital of England': ['London'] };

/** Ticks the named options in each question, found by its legend, whatever order the assessment was shuffled into. */
async function answer(page: Page, choices: Record<string, string[]>) {
  for (const [question, options] of Object.entries(choices)) {
    const group = page.getByRole('group', { name: new RegExp(question) });
    for (const option of options) await group.getByLabel(option, { exact: true }).check();
  }
}

/** Waits until the page's islands have hydrated (Astro drops their ssr attribute then). */
async function hydrated(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Fails the assessment, passes it at the second attempt, and finds both on the Progress page. */
async function failThenPass(page: Page, jsEnabled: boolean) {
  const expectAccessible = (p: Page) => checkAccessible(p, jsEnabled);
  const email = await joinCourse(page, 'fixture-basics');
  await page.goto(assessment);
  await expect(page.getByText('3 questions. Pass mark 70%.')).toBeVisible();
  await expectAccessible(page);
  if (jsEnabled) {
    await hydrated(page);
    // Feedback must come without a reload: a value set on window survives only without a navigation.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  } else {
    // A submission that cannot be marked says why and keeps what was chosen.
    await answer(page, { 'two plus two': failing['two plus two'], 'even numbers': failing['even numbers'] });
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    expect((await refused).status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText(/Question \d has no answer\./);
    await expect(page.getByRole('group', { name: /two plus two/ }).getByLabel('Five')).toBeChecked();
    await expectAccessible(page);
  }

  await answer(page, failing);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Your score: 33%' })).toBeVisible();
  await expect(page.getByText('You answered 1 of 3 questions correctly. Not passed: the pass mark is 70%.')).toBeVisible();
  const feedback = page.locator('.feedback-list');
  await expect(feedback.getByText('Not correct', { exact: true })).toHaveCount(2);
  await expect(feedback.getByText('Correct', { exact: true })).toHaveCount(1);
  // The feedback of each chosen option, and of no other.
  await expect(feedback).toContainText('No, it is four.');
  await expect(feedback).toContainText('Two is even.');
  await expect(feedback).not.toContainText('Four is even.');
  // Submitting completes the step, pass or fail.
  await expect(page.getByText('You have completed this step.')).toBeVisible();
  if (jsEnabled) {
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect(page.locator('#quiz-result')).toBeFocused();
    await expect(page.locator('[aria-live="polite"]').filter({ has: page.locator('#quiz-result') })).toHaveCount(1);
  }
  await expectAccessible(page);

  await page.getByRole(jsEnabled ? 'button' : 'link', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  await expect(page.locator('.quiz-form input:checked')).toHaveCount(0);
  await expect(page.getByText('Attempts so far: 1; best score 33%.')).toBeVisible();
  await answer(page, passing);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Your score: 100%' })).toBeVisible();
  await expect(page.getByText('Passed: you reached the pass mark of 70%.')).toBeVisible();
  await expect(page.getByText('Attempts so far: 2; best score 100%.')).toBeVisible();

  await page.goto(`${course}/progress`);
  const row = page.getByRole('row', { name: /Final assessment/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('100%');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Passed');
  await expect(page.getByText('Pass the Final assessment.')).toHaveCount(0);
  await expectAccessible(page);
  return email;
}

test('a learner fails the assessment, passes it at a second attempt, and the Progress page shows the best score', async ({ page }) => {
  const email = await failThenPass(page, true);
  // Both attempts are kept, each with its answers, the order it was shown in and when it was made.
  const database = new Database(fileURLToPath(new URL(`../.tmp/e2e-${new URL(baseURL).port}.db`, import.meta.url)), { readonly: true });
  try {
    const attempts = database
      .prepare('select score, passed, answers, layout, submitted_at from quiz_attempts join users on users.id = user_id where email = ? order by submitted_at')
      .all(email) as { score: number; passed: number; answers: string; layout: string; submitted_at: number }[];
    expect(attempts.map((a) => [a.score, a.passed])).toEqual([[33, 0], [100, 1]]);
    expect(JSON.parse(attempts[1]!.answers)).toEqual({ 'two-plus-two': ['a'], 'even-numbers': expect.arrayContaining(['a', 'c']), capital: ['a'] });
    for (const a of attempts) {
      expect((JSON.parse(a.layout) as [string][]).map(([q]) => q).sort()).toEqual(['capital', 'even-numbers', 'two-plus-two']);
      expect(Date.now() - a.submitted_at).toBeLessThan(5 * 60_000);
    }
  } finally {
    database.close();
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the same journey works with the plain form and a feedback page', async ({ page }) => {
    await failThenPass(page, false);
  });
});

test('a test can be taken with the keyboard alone', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  await page.goto(`${course}/steps/practice-test`);
  await hydrated(page);
  const blue = page.getByLabel('Blue');
  for (let i = 0; i < 40 && !(await blue.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(blue).toBeFocused();
  // Submitting with nothing chosen: the problem is announced and takes focus.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Choose an answer to each question before you submit.');
  await expect(page.getByRole('alert')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(blue).toBeFocused();
  await page.keyboard.press('Space');
  await expect(blue).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your score: 100%' })).toBeVisible();
  await expect(page.locator('#quiz-result')).toBeFocused();
  await expect(page.locator('.feedback-list')).toContainText('Yes, blue.');
  await checkAccessible(page);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(blue).toBeFocused();
  await expect(blue).not.toBeChecked();
});

test('the page and the island props never carry answer keys or feedback', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  for (const [step, id] of [
    ['practice-test', 'practice'],
    ['final-assessment', 'fixture-final'],
  ] as const) {
    const html = await (await page.request.get(`${course}/steps/${step}`)).text();
    const { questions } = bank(id);
    for (const option of questions.flatMap((q) => q.options)) expect(html).not.toContain(option.feedback);
    const props = [...html.matchAll(/<astro-island\b[^>]*\sprops="([^"]*)"/g)].map((m) =>
      (m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    );
    expect(props).toHaveLength(1);
    // The props do hold the questions and options, so this looks in the right place.
    for (const q of questions) expect(props[0]).toContain(q.text);
    expect(props[0]).not.toMatch(/correct/i);
  }
});

test('bad submissions get a 400 with a clear message and store nothing', async ({ page, browser }) => {
  await joinCourse(page, 'fixture-basics');
  const layout = [
    ['two-plus-two', ['a', 'b']],
    ['even-numbers', ['a', 'b', 'c']],
    ['capital', ['a', 'b']],
  ];
  const right = { 'two-plus-two': ['a'], 'even-numbers': ['a', 'c'], capital: ['a'] };
  const post = (data: string | object, path = api) =>
    page.request.post(path, {
      headers: { ...sameOrigin, 'Content-Type': 'application/json' },
      data: typeof data === 'string' ? data : JSON.stringify(data),
    });
  const cases: [string | object, string, string?][] = [
    [{ answers: { ...right, ghost: ['a'] }, layout }, 'There is no question "ghost" in this test.'],
    [{ answers: { ...right, capital: ['nope'] }, layout }, 'has an answer that is not one of its options'],
    [{ answers: {}, layout }, 'Choose an answer to each question before you submit.'],
    ['{"answers": ', 'The answers could not be read.'],
    [{ answers: { colour: ['a'] }, layout }, 'There is no test "week-1-test" in this course.', `/api${course}/quizzes/week-1-test/attempts`],
  ];
  for (const [data, message, path] of cases) {
    const response = await post(data, path);
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  }

  // Signed out: the API answers 401; the plain form sends the person to sign in and back.
  const stranger = await browser.newContext();
  try {
    const anonymous = await stranger.request.post(api, { headers: sameOrigin, data: { answers: right, layout } });
    expect(anonymous.status()).toBe(401);
    const form = await stranger.request.post(assessment, {
      headers: sameOrigin,
      form: { intent: 'answers', 'q.two-plus-two': 'a' },
      maxRedirects: 0,
    });
    expect(form.status()).toBe(303);
    expect(form.headers().location).toBe(`/signin?next=${encodeURIComponent(assessment)}`);
  } finally {
    await stranger.close();
  }

  await page.goto(`${course}/progress`);
  await expect(page.getByRole('heading', { name: '0% of steps completed' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Final assessment/ }).getByRole('cell').nth(0)).toHaveText('Not tried');
  // And a good submission does work, so the refusals above are not an accident of the request.
  expect((await post({ answers: right, layout })).status()).toBe(201);
});

import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectAccessible as checkAccessible, password, signUp, uniqueEmail } from './support';

/** The whole path: sign up, join, Continue, complete three steps, see ticks and the percentage; then again after signing in. */
async function walkTheCourse(page: Page, jsEnabled: boolean) {
  // A long journey with an accessibility check on every page: give it room on a busy 2-core machine.
  test.setTimeout(150_000);
  const expectAccessible = (p: Page) => checkAccessible(p, jsEnabled);
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('link', { name: /Back Skills Training/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Back Skills Training');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Join course' }).click();

  const email = uniqueEmail();
  await page.getByLabel('Full name').fill('José Müller');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Profession').selectOption('nurse');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign up' }).click();

  // Back on the course page, now signed in.
  await expect(page).toHaveURL(/\/courses\/best$/);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page).toHaveURL(/\/courses\/best\/todo$/);
  await expectAccessible(page);
  const totalSteps = await page.locator('.todo-steps li').count();
  expect(totalSteps).toBeGreaterThanOrEqual(50);

  await page.getByRole('link', { name: 'Continue' }).click();
  for (let i = 1; i <= 3; i++) {
    await expect(page.locator('.step-place')).toContainText(`Step 1.${i} of week 1`);
    await expectAccessible(page);
    if (jsEnabled) {
      // Marking complete must not reload the page: a value set on window survives only without a navigation.
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    }
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
    await expect(page.getByText('You have completed this step.')).toBeVisible();
    if (jsEnabled) expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.getByRole('link', { name: 'Next step' }).click();
  }

  await page.goto('/courses/best/todo');
  await expect(page.locator('.todo-steps .status--done')).toHaveCount(3);
  await expect(page.locator('.todo-steps li').nth(2).locator('.status--done')).toBeVisible();
  await expect(page.locator('.todo-steps li').nth(3).locator('.status--done')).toHaveCount(0);

  const percent = Math.floor((3 * 100) / totalSteps);
  await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: `${percent}% of steps completed` })).toBeVisible();
  await expect(page.getByText(`You have completed 3 of ${totalSteps} steps.`)).toBeVisible();
  await expect(page.getByText(/Complete \d+ more steps/)).toBeVisible();
  await expect(page.getByText('Pass the Final assessment.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Week 1:/ })).toContainText('3 of');
  await expectAccessible(page);

  // Sign out, sign in again: the progress is still there.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Signed out, the learner's own page asks them to sign in, and signing in brings them back to it.
  await page.goto('/courses/best/todo');
  await expect(page).toHaveURL(/\/signin\?next=%2Fcourses%2Fbest%2Ftodo$/);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/courses\/best\/todo$/);
  await expect(page.locator('.todo-steps .status--done')).toHaveCount(3);
  await page.goto('/courses/best/progress');
  await expect(page.getByRole('heading', { name: `${percent}% of steps completed` })).toBeVisible();
  await page.goto('/courses/best/todo');
  await expect(page.locator('.todo-steps .status--done')).toHaveCount(3);
  // Continue now goes to the first step not done.
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.locator('.step-place')).toContainText('Step 1.4 of week 1');
}

test('a learner signs up, joins, completes three steps and sees their progress', async ({ page }) => {
  await walkTheCourse(page, true);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the same path works with plain forms', async ({ page }) => {
    await walkTheCourse(page, false);
  });
});

test('a step can be marked incomplete again, and marking twice changes nothing', async ({ page }) => {
  await signUp(page);
  await page.goto('/courses/fixture-basics');
  await page.getByRole('button', { name: 'Join course' }).click();
  await page.goto('/courses/fixture-basics/steps/hello');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.getByRole('button', { name: 'Mark as incomplete' }).click();
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
  await page.goto('/courses/fixture-basics/progress');
  await expect(page.getByRole('heading', { name: '0% of steps completed' })).toBeVisible();
});

test('numbering and progress are per course', async ({ page }) => {
  await signUp(page);
  await page.goto('/courses/fixture-basics');
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page.locator('.todo-steps li')).toHaveCount(6);
  await expect(page.locator('.todo-steps li').nth(4)).toContainText('2.1');
  await page.goto('/courses/fixture-basics/steps/third-step');
  await expect(page.locator('.step-place')).toContainText('Step 2.1 of week 2');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
  await page.goto('/courses/fixture-basics/progress');
  await expect(page.getByRole('heading', { name: '16% of steps completed' })).toBeVisible();
  // The other course is untouched, and not joined: its To do page sends the learner to join.
  await page.goto('/courses/best/todo');
  await expect(page).toHaveURL(/\/courses\/best$/);
  await expect(page.getByRole('button', { name: 'Join course' })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectAccessible, joinCourse, password, signIn, signUp, uniqueEmail } from './support';

const sameOrigin = { Origin: baseURL };

test('sign-up refuses an email that already has an account, and keeps the first password', async ({ page, browser }) => {
  const email = await signUp(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/signup');
  await other.getByLabel('Full name').fill('Someone Else');
  await other.getByLabel('Email address').fill(email.toUpperCase());
  await other.getByLabel('Password', { exact: true }).fill('a different password');
  await other.getByLabel('Profession').selectOption('student');
  await other.getByRole('button', { name: 'Sign up' }).click();
  await expect(other.getByRole('alert')).toContainText('An account with this email address already exists');
  await expectAccessible(other);
  await signIn(other, email);
  await otherContext.close();
});

test('sign-up explains each bad field on the form', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill('not an email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter your full name as it should appear on your certificate.');
  await expect(summary).toContainText('Enter an email address in the right format');
  await expect(summary).toContainText('Your password must be at least 10 characters long.');
  await expect(summary).toContainText('Choose your profession.');
  await expect(page.getByLabel('Email address')).toHaveValue('not an email');
  await expectAccessible(page);
});

test('a name the certificate font cannot print is refused at sign-up', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill('山田 太郎');
  await page.getByLabel('Email address').fill(uniqueEmail());
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Profession').selectOption('doctor');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('alert')).toContainText('Your certificate cannot print these characters');
});

test('wrong password and unknown email get the same message; the sixth try in a row is limited', async ({ page, request }) => {
  const email = await signUp(page);
  const wrong = await request.post('/signin', { form: { email, password: 'not the password' }, headers: sameOrigin, maxRedirects: 0 });
  const unknown = await request.post('/signin', { form: { email: uniqueEmail(), password: 'not the password' }, headers: sameOrigin, maxRedirects: 0 });
  expect(wrong.status()).toBe(400);
  expect(unknown.status()).toBe(400);
  expect(await wrong.text()).toContain('The email address or password is not right.');
  expect(await unknown.text()).toContain('The email address or password is not right.');

  for (let i = 0; i < 4; i++) {
    expect((await request.post('/signin', { form: { email, password: 'still wrong!' }, headers: sameOrigin, maxRedirects: 0 })).status()).toBe(400);
  }
  // Even the right password waits: the limit is per account, and says when to come back.
  const limited = await request.post('/signin', { form: { email, password }, headers: sameOrigin, maxRedirects: 0 });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await limited.text()).toContain('Too many sign-in attempts. Wait a minute and try again.');
});

test('the session cookie is HttpOnly, SameSite=Lax, Path=/, and not Secure on plain-http localhost', async ({ page }) => {
  await signUp(page);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
});

test('signing out ends the session on the server: the old cookie opens nothing', async ({ page, browser }) => {
  await signUp(page);
  const state = await page.context().storageState();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const replay = await browser.newContext({ storageState: state });
  const replayed = await replay.newPage();
  await replayed.goto('/account');
  await expect(replayed).toHaveURL(/\/signin/);
  await replay.close();
});

test('the account page changes the name; a new password ends the other sessions; sign out everywhere', async ({ page, browser }) => {
  const email = await signUp(page);
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, email);

  await page.goto('/account');
  await expectAccessible(page);
  await page.getByLabel('Full name').fill('Zoë Łukasiewicz-Øberg');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText('Your details have been saved.');
  await expect(page.getByLabel('Full name')).toHaveValue('Zoë Łukasiewicz-Øberg');

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('Your current password is not right.');

  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed.');
  // This browser stays signed in; the other one is signed out.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/signin/);

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin/);
  await elsewhere.close();
});

test('unknown courses and steps answer 404 with a page', async ({ page }) => {
  const course = await page.goto('/courses/no-such-course');
  expect(course?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectAccessible(page);
  const step = await page.goto('/courses/best/steps/no-such-step');
  expect(step?.status()).toBe(404);
});

test('a step of a course not joined sends the learner to the course page to join', async ({ page }) => {
  await page.goto('/courses/best/steps/w1-welcome');
  await expect(page).toHaveURL(/\/courses\/best$/);
  await signUp(page);
  await page.goto('/courses/best/steps/w1-welcome');
  await expect(page).toHaveURL(/\/courses\/best$/);
  await expect(page.getByRole('button', { name: 'Join course' })).toBeVisible();
});

test('cross-site posts, unknown steps and steps of another course are refused and store nothing', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  const post = (path: string, origin?: string) =>
    page.request.post(path, { form: { intent: 'complete' }, headers: origin ? { Origin: origin } : {}, maxRedirects: 0 });

  expect((await post('/courses/fixture-basics/steps/hello', 'https://evil.example')).status()).toBe(403);
  expect((await post('/courses/fixture-basics/steps/hello')).status()).toBe(403);
  expect((await post('/courses/fixture-basics/steps/no-such-step', baseURL)).status()).toBe(404);
  // A step id from the BeST course does not exist in this one.
  expect((await post('/courses/fixture-basics/steps/w1-welcome', baseURL)).status()).toBe(404);
  // A course the learner has not joined: sent to join, nothing stored.
  expect((await post('/courses/best/steps/w1-welcome', baseURL)).status()).toBe(303);

  await page.goto('/courses/fixture-basics/progress');
  await expect(page.getByRole('heading', { name: '0% of steps completed' })).toBeVisible();
  // And the same-origin post does work, so the refusals above are not an accident of the request.
  expect((await post('/courses/fixture-basics/steps/hello', baseURL)).status()).toBe(303);
  await page.reload();
  await expect(page.getByRole('heading', { name: '16% of steps completed' })).toBeVisible();
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { baseURL } from '../playwright.config';
import { addLearners, setRole } from './database';
import { makeEducator } from './discussion-db';
import { expectAccessible, password, signIn, signUp, uniqueEmail } from './support';

const course = 'fixture-basics';
const console_ = `/educator/courses/${course}`;
const allSteps = ['hello', 'second-step', 'practice-test', 'short-clip', 'third-step', 'final-assessment'];
const right = { 'two-plus-two': ['a'], 'even-numbers': ['c', 'a'], capital: ['a'] };
const wrong = { 'two-plus-two': ['b'], 'even-numbers': ['a', 'c'], capital: ['b'] };

/** A spreadsheet's reading of a CSV (RFC 4180): quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

async function newUser(browser: Browser, role?: 'educator' | 'admin', teaches?: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = await signUp(page, { name: `${role ?? 'learner'} ${randomUUID().slice(0, 4)}` });
  if (role === 'educator' && teaches) makeEducator(email, teaches);
  else if (role) setRole(email, role);
  // The header was drawn before the role changed.
  await page.goto('/');
  return { page, email };
}

/** The number under a key figure's label on the Overview or Assessments page. */
const figure = (page: Page, label: string) => page.locator('.key-figures div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');

test('each role gets exactly its part of the console', async ({ browser }) => {
  const routes = [
    '/educator',
    '/educator/moderation',
    console_,
    `${console_}/steps`,
    `${console_}/assessments`,
    `${console_}/learners`,
    `${console_}/learners.csv`,
    '/admin',
    '/admin/users',
    '/admin/certificates',
  ];
  const courseRoutes = routes.filter((r) => r.startsWith(console_));
  const adminRoutes = routes.filter((r) => r.startsWith('/admin'));
  const anonymous = await (await browser.newContext()).newPage();
  const learner = await newUser(browser);
  const otherEducator = await newUser(browser, 'educator', 'best');
  const educator = await newUser(browser, 'educator', course);
  const admin = await newUser(browser, 'admin');
  const expected = (who: string, route: string): number => {
    if (who === 'anonymous' || who === 'learner') return 404;
    if (who === 'admin') return 200;
    if (adminRoutes.includes(route)) return 404;
    if (courseRoutes.includes(route)) return who === 'educator' ? 200 : 404;
    return 200;
  };
  const answers: string[] = [];
  const wanted: string[] = [];
  for (const [who, page] of [['anonymous', anonymous], ['learner', learner.page], ['educator of another course', otherEducator.page], ['educator', educator.page], ['admin', admin.page]] as const) {
    for (const route of routes) {
      const response = await page.request.get(route, { maxRedirects: 0 });
      answers.push(`${who} ${route} ${response.status()}`);
      wanted.push(`${who} ${route} ${expected(who === 'educator of another course' ? 'other' : who, route)}`);
    }
  }
  expect(answers).toEqual(wanted);
  // An unknown course is as missing as a forbidden one, even to an admin.
  expect((await admin.page.request.get('/educator/courses/no-such-course')).status()).toBe(404);
  // The header offers the console only to those it serves.
  await learner.page.goto('/');
  await expect(learner.page.getByRole('link', { name: 'Console' })).toHaveCount(0);
  await educator.page.goto('/');
  await expect(educator.page.getByRole('link', { name: 'Console' })).toBeVisible();
});

test('an educator sees the funnel, steps and scores of a known cohort, sorts and searches learners, and exports them', async ({ browser }) => {
  const tag = randomUUID().slice(0, 6);
  const joined = (day: number) => new Date(Date.UTC(2021, 2, day, 10));
  const learner = (letter: string, name: string, extra: Partial<Parameters<typeof addLearners>[1][number]>) => ({
    name,
    email: `cohort-${tag}-${letter}@example.org`,
    profession: 'physiotherapist',
    joinedAt: joined(2),
    completed: [],
    ...extra,
  });
  // Six learners who joined in March 2021: 6 enrolled, 5 started, 4 halfway, 2 eligible, 1 certificate.
  addLearners(course, [
    learner('a', `=SUM(A1:A9) ${tag}`, {}),
    learner('b', `Bea ${tag}`, { completed: ['hello'], joinedAt: joined(9) }),
    learner('c', `Cai ${tag}`, { completed: allSteps.slice(0, 3), profession: 'nurse' }),
    learner('d', `Dee ${tag}`, { completed: allSteps, attempts: [{ quizId: 'fixture-final', score: 100, passed: true, answers: right }] }),
    learner('e', `Eve ${tag}`, { completed: allSteps, attempts: [{ quizId: 'fixture-final', score: 100, passed: true, answers: right }], certificateAfterDays: 12 }),
    learner('f', `Fiona ${tag}`, { completed: allSteps.slice(0, 4), attempts: [{ quizId: 'fixture-final', score: 33, passed: false, answers: wrong }] }),
  ]);
  const { page } = await newUser(browser, 'educator', course);

  await page.getByRole('link', { name: 'Console' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Fixture Course in Basic Skills' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.getByLabel('Joined from').fill('2021-03-01');
  await page.getByLabel('Joined to').fill('2021-03-31');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(figure(page, 'Enrolled')).toHaveText('6');
  await expect(figure(page, 'Started')).toHaveText('5');
  await expect(figure(page, 'Reached 50%')).toHaveText('4');
  await expect(figure(page, 'Eligible for a certificate')).toHaveText('2');
  await expect(figure(page, 'Certificate issued')).toHaveText('1');
  await expect(figure(page, 'Median time from joining to certificate')).toHaveText('12 days');
  // The funnel chart names itself to screen readers, and its table says the same.
  await expect(page.getByRole('img', { name: 'Learners at each stage' })).toBeVisible();
  await page.getByText('Show the figures as a table: Learners at each stage').click();
  await expect(page.getByRole('row', { name: /Reached 50% 4 67% 80%/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'New enrolments per week' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Profession').selectOption('nurse');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(figure(page, 'Enrolled')).toHaveText('1');
  await expect(figure(page, 'Reached 50%')).toHaveText('1');

  // A date that does not exist is refused with a message, and nothing is filtered by it.
  const bad = await page.goto(`${console_}?from=2021-02-30&to=2021-03-31`);
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Enter the first date as a real date, like 2025-03-01.');
  await expectAccessible(page);
  const backwards = await page.goto(`${console_}?from=2021-03-31&to=2021-03-01`);
  expect(backwards?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('The last date must be the same as or after the first date.');

  // Steps: every step in order, with the share of the cohort that completed it.
  await page.goto(`${console_}?from=2021-03-01&to=2021-03-31`);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Steps' }).click();
  await expect(page).toHaveURL(/steps\?from=2021-03-01&to=2021-03-31/);
  await expect(page.getByRole('img', { name: 'Learners who completed each step' })).toBeVisible();
  await expect(page.getByRole('row', { name: /1\.1 Hello and welcome Article 5 83% 0/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /2\.2 Final assessment Assessment 2 33% 0/ })).toBeVisible();
  await expectAccessible(page);

  // Assessments: attempts, pass rate, and the question most got wrong.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('heading', { name: 'Fixture final assessment' })).toBeVisible();
  await expect(figure(page, 'Attempts')).toHaveText('3');
  await expect(figure(page, 'Pass rate')).toHaveText('67%');
  await expect(page.getByRole('row', { name: /Q1 What is two plus two\? 2 67%/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Q2 Which of these are even numbers\? 3 100%/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /Practice test/ }).click();
  await expect(figure(page, 'Attempts')).toHaveText('0');
  expect((await page.request.get(`${console_}/assessments?quiz=no-such-test`)).status()).toBe(404);

  // Learners: sorted by progress both ways, then searched.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Learners' }).click();
  await expect(page.getByRole('status')).toHaveText('Showing 1 to 6 of 6 learners.');
  await expectAccessible(page);
  const names = () => page.locator('tbody th').allTextContents();
  await page.getByRole('link', { name: /^Complete \(%\)/ }).click();
  expect(await names()).toEqual([`Dee ${tag}`, `Eve ${tag}`, `Fiona ${tag}`, `Cai ${tag}`, `Bea ${tag}`, `=SUM(A1:A9) ${tag}`]);
  await expect(page.getByRole('columnheader', { name: /Complete/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('link', { name: /^Complete \(%\)/ }).click();
  expect((await names())[0]).toBe(`=SUM(A1:A9) ${tag}`);
  await expect(page.getByRole('row', { name: new RegExp(`Eve ${tag}`) })).toContainText('100%');
  await page.getByRole('link', { name: /^Name/ }).click();
  expect(await names()).toEqual([`=SUM(A1:A9) ${tag}`, `Bea ${tag}`, `Cai ${tag}`, `Dee ${tag}`, `Eve ${tag}`, `Fiona ${tag}`]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^fixture-basics-learners-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual(['Name', 'Email', 'Profession', 'Joined', 'Last active', 'Complete (%)', 'Final assessment: best score (%)', 'Certificate']);
  expect(rows.slice(1).map((r) => r[0])).toEqual([`'=SUM(A1:A9) ${tag}`, `Bea ${tag}`, `Cai ${tag}`, `Dee ${tag}`, `Eve ${tag}`, `Fiona ${tag}`]);
  const eve = rows.find((r) => r[0] === `Eve ${tag}`)!;
  expect(eve.slice(1, 7)).toEqual([`cohort-${tag}-e@example.org`, 'Physiotherapist', '2021-03-02', '2021-03-02', '100', '100']);
  expect(eve[7]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(rows.find((r) => r[0] === `Cai ${tag}`)?.slice(5, 8)).toEqual(['50', '', '']);

  await page.getByLabel('Search').fill('fiona');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  expect(await names()).toEqual([`Fiona ${tag}`]);
  await expect(page.getByRole('row', { name: new RegExp(`Fiona ${tag}`) })).toContainText('33%');

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Moderation' }).click();
  await expect(page.getByRole('heading', { name: 'Moderation', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('an admin disables an account: its session ends at once and it cannot sign in until enabled', async ({ browser }) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const name = `Dana ${randomUUID().slice(0, 6)}`;
  const email = await signUp(learner, { name, email: uniqueEmail('disable') });
  const { page: admin, email: adminEmail } = await newUser(browser, 'admin');

  await admin.getByRole('link', { name: 'Console' }).click();
  await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Admin' }).click();
  await expectAccessible(admin);
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByLabel('Find people').fill(email);
  await admin.getByRole('button', { name: 'Search' }).click();
  await expect(admin.getByRole('heading', { name: '1 person found' })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole('link', { name: `Manage ${name}` }).click();
  await expectAccessible(admin);
  await admin.getByRole('button', { name: 'Disable account' }).click();
  await expect(admin.getByRole('status')).toHaveText('The account has been disabled and its sessions ended.');
  await expect(admin.getByText(/^Disabled on /)).toBeVisible();

  // The learner's open session is over on their next request, and their password no longer opens the account.
  await learner.goto('/account');
  await expect(learner.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await learner.goto('/signin');
  await learner.getByLabel('Email address').fill(email);
  await learner.getByLabel('Password').fill(password);
  await learner.getByRole('button', { name: 'Sign in' }).click();
  await expect(learner.getByRole('alert')).toContainText('The email address or password is not right.');

  await admin.getByRole('button', { name: 'Enable account' }).click();
  await expect(admin.getByRole('status')).toHaveText('The account has been enabled: they can sign in again.');
  await signIn(learner, email);

  // Made an educator of the fixture course, they see its console and no other.
  await admin.getByLabel('Role', { exact: true }).selectOption('educator');
  await admin.getByLabel('Fixture Course in Basic Skills').check();
  await admin.getByRole('button', { name: 'Save role' }).click();
  await expect(admin.getByRole('status')).toHaveText('The role has been saved.');
  await expect(admin.getByLabel('Fixture Course in Basic Skills')).toBeChecked();
  expect((await learner.request.get(console_)).status()).toBe(200);
  expect((await learner.request.get('/admin/users')).status()).toBe(404);

  // An admin cannot change their own account, even with a hand-made form; nor one that does not exist.
  await admin.goto(`/admin/users?q=${encodeURIComponent(adminEmail)}`);
  await admin.getByRole('link', { name: /^Manage / }).click();
  await expect(admin.getByText('This is your own account: another admin must change its role or disable it.')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Disable account' })).toHaveCount(0);
  const ownId = new URL(admin.url()).searchParams.get('user') ?? '';
  const own = await admin.request.post(`/admin/users?user=${ownId}`, { headers: { Origin: baseURL }, form: { user: ownId, action: 'role', role: 'learner' } });
  expect(own.status()).toBe(400);
  expect(await own.text()).toContain('You cannot change your own account. Ask another admin.');
  const missing = await admin.request.post('/admin/users', { headers: { Origin: baseURL }, form: { user: 'no-such-user', action: 'disable' } });
  expect(missing.status()).toBe(400);
  expect(await missing.text()).toContain('There is no such account.');
  await admin.reload();
  await expect(admin.locator('dd', { hasText: /^Admin$/ })).toBeVisible();
  await learnerContext.close();
});

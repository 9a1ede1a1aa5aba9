import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { baseURL } from '../playwright.config';
import { setRole } from './database';
import { linkIn, waitForMail } from './smtp';
import { expectAccessible, joinCourse, password, signIn, signUp, uniqueEmail } from './support';

const sameOrigin = { Origin: baseURL };
const tiered = '/courses/fixture-tiered';
const assessment = `${tiered}/steps/tiered-assessment`;

/** A signed-in admin in a browser context of its own. */
async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  setRole(await signUp(page, { name: 'Ada Admin' }), 'admin');
  return page;
}

/** Makes codes on the admin page and returns them from the CSV it downloads, as the admin would hand them out. */
async function makeCodes(admin: Page, options: { count: number; note: string; organisation?: string }): Promise<string[]> {
  await admin.goto('/admin/access-codes');
  await admin.getByLabel('Course').selectOption({ label: 'Fixture Course with Tiered Access' });
  await admin.getByLabel('How many codes').fill(String(options.count));
  await admin.getByLabel('Last day the codes work').fill('31/12/2099');
  if (options.organisation) await admin.getByLabel('Organisation', { exact: true }).selectOption({ label: options.organisation });
  await admin.getByLabel('Note').fill(options.note);
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Make codes and download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^access-codes-fixture-tiered-\d{4}-\d{2}-\d{2}-[\w-]+\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Access code,Course,Last day,Organisation,Note');
  expect(lines).toHaveLength(options.count + 1);
  return lines.slice(1).map((line) => line.split(',')[0]!);
}

/** Answers the tiered assessment rightly and submits it. */
async function passAssessment(page: Page) {
  await page.goto(assessment);
  await page.getByRole('group', { name: /three plus three/ }).getByLabel('Six').check();
  await page.getByRole('group', { name: /capital of Wales/ }).getByLabel('Cardiff').check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Your score: 100%' })).toBeVisible();
}

test('a limited learner cannot open the assessment and sees Upgrade; redeems a code from the admin’s CSV and takes it', async ({ page, browser }) => {
  const admin = await adminPage(browser);
  await admin.goto('/admin/access-codes');
  await expectAccessible(admin);
  // Nothing filled in: every problem is named and no file comes back.
  await admin.getByLabel('How many codes').fill('0');
  await admin.getByRole('button', { name: 'Make codes and download CSV' }).click();
  const problems = admin.getByRole('alert');
  await expect(problems).toContainText('Choose the course the codes are for.');
  await expect(problems).toContainText('Enter how many codes to make, a whole number from 1 to 1000.');
  await expect(problems).toContainText('Enter the last day the codes work, like 31/3/2027.');
  await expectAccessible(admin);
  const invoice = `Invoice ${uniqueEmail('inv').split('@')[0]}`;
  const [code, spare] = await makeCodes(admin, { count: 2, note: invoice });
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await admin.goto('/admin/access-codes');
  await expect(admin.getByRole('row', { name: invoice })).toContainText('0 of 2');

  await joinCourse(page, 'fixture-tiered');
  await page.goto(`${tiered}/progress`);
  await expect(page.getByRole('heading', { name: 'You have limited access' })).toBeVisible();
  await expect(page.getByText('Upgrade to full access: limited access does not include the assessment or the certificate.')).toBeVisible();
  await expectAccessible(page);

  // Steps can be read; the assessment cannot be opened, and says how to upgrade.
  await page.goto(`${tiered}/steps/tiered-welcome`);
  await expect(page.getByText('Every learner can read this step')).toBeVisible();
  await page.goto(assessment);
  await expect(page.getByRole('heading', { name: 'Upgrade to take this test' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  await expect(page.getByText('What is three plus three?')).toHaveCount(0);
  await expectAccessible(page);
  // Posting answers anyway is refused and stores nothing.
  const posted = await page.request.post(assessment, { form: { intent: 'answers', 'q-three-plus-three': 'a' }, headers: sameOrigin, maxRedirects: 0 });
  expect(posted.status()).toBe(403);
  // And so is the island's JSON endpoint.
  const viaApi = await page.request.post(`/api${tiered}/quizzes/tiered-final/attempts`, { data: { answers: { 'three-plus-three': ['a'] }, layout: [] }, headers: sameOrigin });
  expect(viaApi.status()).toBe(403);
  expect((await viaApi.json()).error).toBe('Tests need full access. Upgrade to take this test.');
  await page.goto(`${tiered}/progress`);
  await expect(page.getByRole('row', { name: /Tiered final assessment/ })).toContainText('Not tried');

  await page.goto(assessment);
  await page.getByRole('link', { name: 'Upgrade' }).click();
  await expect(page).toHaveURL(/\/account\/upgrade$/);
  await expect(page.getByRole('region', { name: 'Your access' })).toContainText('Fixture Course with Tiered Access: limited access until');
  await expectAccessible(page);

  // An unknown code and a code with a typo are refused, and change nothing.
  await page.getByLabel('Access code', { exact: true }).fill('ABCD-EFGH-JKMN-PQRS');
  await page.getByRole('button', { name: 'Redeem code' }).click();
  await expect(page.getByRole('alert')).toContainText(/not recognised|That is not an access code/);
  await expect(page.getByLabel('Access code', { exact: true })).toHaveValue('ABCD-EFGH-JKMN-PQRS');
  await expectAccessible(page);

  // Typed in lower case with spaces, the real code works.
  await page.getByLabel('Access code', { exact: true }).fill(` ${code!.replaceAll('-', ' ').toLowerCase()} `);
  await page.getByRole('button', { name: 'Redeem code' }).click();
  await expect(page.getByRole('status')).toContainText('Your code has been redeemed: you now have full access to Fixture Course with Tiered Access.');
  await expect(page.getByRole('region', { name: 'Your access' })).toContainText('Fixture Course with Tiered Access: full access.');

  await passAssessment(page);
  await page.goto(`${tiered}/progress`);
  await expect(page.getByRole('heading', { name: 'You have limited access' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Tiered final assessment/ })).toContainText('Passed');
  await expect(page.getByText(/Upgrade to full access/)).toHaveCount(0);

  // A used code is refused for the next learner, who stays limited; the admin sees it used.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await joinCourse(other, 'fixture-tiered');
  await other.goto('/account/upgrade');
  await other.getByLabel('Access code', { exact: true }).fill(code!);
  await other.getByRole('button', { name: 'Redeem code' }).click();
  await expect(other.getByRole('alert')).toContainText('That access code has already been used.');
  await other.goto(assessment);
  await expect(other.getByRole('heading', { name: 'Upgrade to take this test' })).toBeVisible();
  await admin.goto('/admin/access-codes');
  await expect(admin.getByRole('row', { name: invoice })).toContainText('1 of 2');
  expect(spare).not.toBe(code);
  await otherContext.close();
  await admin.context().close();
});

test('after limited access ends, steps show what was done and how to upgrade; progress is kept', async ({ page }) => {
  const email = await joinCourse(page, 'fixture-tiered');
  await page.goto(`${tiered}/steps/tiered-welcome`);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
  const notes = `${tiered}/downloads/reading-notes.txt`;
  expect((await page.request.get(notes)).status()).toBe(200);
  // Joined 29 days ago: two weeks of course and 14 days of grace have passed.
  const database = new Database(`tests/.tmp/e2e-${new URL(baseURL).port}.db`);
  try {
    database.pragma('busy_timeout = 10000');
    const day = 24 * 60 * 60 * 1000;
    database
      .prepare("UPDATE enrolments SET joined_at = ? WHERE course_slug = 'fixture-tiered' AND user_id = (SELECT id FROM users WHERE email = ?)")
      .run(Date.now() - 29 * day, email);
  } finally {
    database.close();
  }

  await page.goto(`${tiered}/steps/tiered-welcome`);
  await expect(page.getByRole('heading', { name: 'Your limited access has ended' })).toBeVisible();
  await expect(page.getByText('You completed this step.')).toBeVisible();
  await expect(page.getByText('Every learner can read this step')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Upgrade' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${tiered}/steps/tiered-reading`);
  await expect(page.getByText('You had not completed this step.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reading notes (text)' })).toHaveCount(0);
  // The step's files close with it.
  const closed = await page.request.get(notes);
  expect(closed.status()).toBe(403);
  expect(await closed.text()).toContain('Your limited access to this course has ended.');
  // Nothing more is stored, and what was done is kept.
  expect((await page.request.post(`${tiered}/steps/tiered-reading`, { form: { intent: 'complete' }, headers: sameOrigin, maxRedirects: 0 })).status()).toBe(403);
  await page.goto(`${tiered}/progress`);
  await expect(page.getByRole('heading', { name: 'Your limited access has ended' })).toBeVisible();
  await expect(page.getByText('You have completed 1 of 5 steps.')).toBeVisible();
});

test('ten wrong access codes in a row are limited, with a wait, and nothing is redeemed', async ({ page }) => {
  await signUp(page);
  const tryCode = (code: string) => page.request.post('/account/upgrade', { form: { action: 'redeem', code }, headers: sameOrigin, maxRedirects: 0 });
  for (let i = 0; i < 10; i++) {
    const wrong = await tryCode(`WRONG CODE ${i}`);
    expect(wrong.status()).toBe(400);
    expect(await wrong.text()).toContain('That is not an access code.');
  }
  const limited = await tryCode('ABCD-EFGH-JKMN-PQRS');
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await limited.text()).toContain('Too many access codes tried. Wait 10 minutes and try again.');
});

test('a second learner confirms an NHS address through the SMTP server and gets full access', async ({ page }) => {
  const email = await joinCourse(page, 'fixture-tiered');
  // Sign-up sent a confirmation link to the sign-in address; until it is used, no certificate.
  const welcome = await waitForMail(email, /Confirm your email address/);
  expect(welcome.from).toContain('BeST CPD');
  expect(welcome.html).toContain('Confirm your email address');
  await page.goto('/account');
  await expect(page.getByText('Your email address is not confirmed yet.')).toBeVisible();

  await page.goto('/account/upgrade');
  // A non-NHS address is refused, with nothing sent and nothing changed.
  await page.getByLabel('NHS email address', { exact: true }).fill('someone@gmail.com');
  await page.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(page.getByRole('alert')).toContainText('someone@gmail.com is not an NHS address.');
  await expectAccessible(page);
  await page.goto(assessment);
  await expect(page.getByRole('heading', { name: 'Upgrade to take this test' })).toBeVisible();

  const nhsAddress = `${uniqueEmail('nurse').split('@')[0]}@Exeter.NHS.uk`;
  await page.goto('/account/upgrade');
  await page.getByLabel('NHS email address', { exact: true }).fill(nhsAddress);
  await page.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(page.getByRole('status')).toContainText('We have sent a link to your NHS email address.');
  const mail = await waitForMail(nhsAddress, /Confirm your NHS email address/);
  const link = linkIn(mail, '/verify-email/');
  expect(link.startsWith(`${baseURL}/verify-email/`)).toBe(true);

  // Opening the link changes nothing by itself: the learner confirms.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirm your NHS email address' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Your NHS email address is confirmed' })).toBeVisible();
  // Used twice: a clear message, and a second post changes nothing.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole('alert')).toContainText('This link has already been used');
  expect((await page.request.post(link, { headers: sameOrigin, maxRedirects: 0 })).status()).toBe(410);

  await page.goto(assessment);
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  await page.goto(`${tiered}/progress`);
  await expect(page.getByRole('heading', { name: 'You have limited access' })).toHaveCount(0);
  await expect(page.getByText('Confirm your email address with the link we sent you')).toBeVisible();
  await page.goto('/account/upgrade');
  await expect(page.getByText(`You have full access to every course as a member of NHS staff, confirmed with ${nhsAddress.toLowerCase()}.`)).toBeVisible();

  // The sign-in address is confirmed through its own link, which lifts the last block on the certificate.
  await page.goto(linkIn(welcome, '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Your email address is confirmed' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText('Your email address is confirmed.')).toBeVisible();
  await page.goto(`${tiered}/progress`);
  await expect(page.getByText('Confirm your email address with the link we sent you')).toHaveCount(0);
});

test('a password reset through the SMTP server: same answer for any address, single use, ends every session', async ({ page, browser }) => {
  const email = await signUp(page);
  const elsewhere = await browser.newContext();
  const otherDevice = await elsewhere.newPage();
  await signIn(otherDevice, email);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto('/signin');
  await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(visitor.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expectAccessible(visitor);
  const unknown = uniqueEmail('nobody');
  await visitor.getByLabel('Email address').fill(unknown);
  await visitor.getByRole('button', { name: 'Send the link' }).click();
  const answerForUnknown = await visitor.getByRole('status').textContent();
  await visitor.goto('/forgot-password');
  await visitor.getByLabel('Email address').fill(email.toUpperCase());
  await visitor.getByRole('button', { name: 'Send the link' }).click();
  expect(await visitor.getByRole('status').textContent()).toBe(answerForUnknown);
  expect(answerForUnknown).toContain('If an account uses that email address, we have sent it a link');

  const mail = await waitForMail(email, /Reset your BeST CPD password/);
  expect(mail.text).toContain('works once, for one hour');
  await expect(waitForMail(unknown, undefined, 1_000)).rejects.toThrow();
  const link = linkIn(mail, '/reset-password/');

  await visitor.goto(link);
  await expectAccessible(visitor);
  await visitor.getByLabel('New password').fill('too short');
  await visitor.getByRole('button', { name: 'Save new password' }).click();
  await expect(visitor.getByRole('alert')).toContainText('Your password must be at least 10 characters long.');
  await visitor.getByLabel('New password').fill('a fresh new password');
  await visitor.getByRole('button', { name: 'Save new password' }).click();
  await expect(visitor).toHaveURL(/\/signin\?reset=done$/);
  await expect(visitor.getByRole('status')).toContainText('Your password has been changed and you have been signed out everywhere.');

  // Both earlier sessions have ended.
  for (const p of [page, otherDevice]) {
    await p.goto('/account');
    await expect(p).toHaveURL(/\/signin/);
  }
  // The link works once; the old password no longer does, the new one does.
  const reused = await visitor.goto(link);
  expect(reused?.status()).toBe(410);
  await expect(visitor.getByRole('alert')).toContainText('This link has already been used.');
  const old = await visitor.request.post('/signin', { form: { email, password }, headers: sameOrigin, maxRedirects: 0 });
  expect(old.status()).toBe(400);
  await visitor.goto('/signin');
  await visitor.getByLabel('Email address').fill(email);
  await visitor.getByLabel('Password').fill('a fresh new password');
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await elsewhere.close();
  await anonymous.close();
});

test('a manager sees exactly their organisation’s learners, with a formula-safe CSV; nobody else sees them', async ({ browser }) => {
  const admin = await adminPage(browser);
  const run = uniqueEmail('org').split('@')[0]!;
  const north = `North Trust ${run}`;
  const south = `South Trust ${run}`;
  await admin.goto('/admin/organisations');
  await expectAccessible(admin);
  for (const name of [north, south]) {
    await admin.getByLabel('Organisation name').fill(name);
    await admin.getByRole('button', { name: 'Add organisation' }).click();
    await expect(admin.getByRole('status')).toContainText('The organisation has been created.');
  }
  // The same name twice is refused.
  await admin.getByLabel('Organisation name').fill(north.toUpperCase());
  await admin.getByRole('button', { name: 'Add organisation' }).click();
  await expect(admin.getByRole('alert')).toContainText('There is already an organisation called');

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const managerEmail = await signUp(manager, { name: 'Morgan Manager' });
  const northCard = admin.getByRole('region', { name: north });
  await northCard.getByLabel('Manager’s email address').fill(managerEmail);
  await northCard.getByRole('button', { name: 'Add manager' }).click();
  await expect(admin.getByRole('status')).toContainText('The manager has been added.');
  await expect(admin.getByRole('region', { name: north })).toContainText(managerEmail);
  const northPath = await admin.getByRole('region', { name: north }).getByRole('link', { name: 'See the managers’ view' }).getAttribute('href');
  const southPath = await admin.getByRole('region', { name: south }).getByRole('link', { name: 'See the managers’ view' }).getAttribute('href');

  const [northCode] = await makeCodes(admin, { count: 1, organisation: north, note: north });
  const [southCode] = await makeCodes(admin, { count: 1, organisation: south, note: south });

  // A learner whose name would be a formula in a spreadsheet, and one from the other trust.
  const learners: Page[] = [];
  for (const [name, code] of [['=Nora North', northCode], ['Sid South', southCode]] as const) {
    const learner = await (await browser.newContext()).newPage();
    await signUp(learner, { name });
    await learner.goto('/account/upgrade');
    await learner.getByLabel('Access code', { exact: true }).fill(code!);
    await learner.getByRole('button', { name: 'Redeem code' }).click();
    await expect(learner.getByRole('status')).toContainText('Your code has been redeemed');
    learners.push(learner);
  }
  await learners[0]!.goto(`${tiered}/steps/tiered-welcome`);
  await learners[0]!.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(learners[0]!.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();

  await manager.goto('/account');
  await manager.getByRole('link', { name: 'Your organisation’s learners' }).click();
  await expect(manager).toHaveURL(new RegExp(`${northPath}$`));
  await expect(manager.getByRole('heading', { name: north })).toBeVisible();
  await expect(manager.getByRole('list', { name: 'Summary' })).toContainText('1 of 1 access codes used');
  const rows = manager.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('=Nora North');
  await expect(rows.nth(1)).toContainText('Fixture Course with Tiered Access');
  await expect(rows.nth(1)).toContainText('20%');
  await expect(manager.getByText('Sid South')).toHaveCount(0);
  await expectAccessible(manager);

  const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('link', { name: 'Download as CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain("'=Nora North,");
  expect(csv).toContain(',Fixture Course with Tiered Access,');
  expect(csv).not.toContain('Sid South');
  expect(csv).not.toMatch(/(^|\n|,)=Nora/);

  // The access matrix: another organisation, learners, strangers and the admin pages are all not found.
  const notFound = async (p: Page, path: string) => expect((await p.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  await notFound(manager, southPath!);
  await notFound(manager, `${southPath}/learners.csv`);
  for (const path of ['/admin/access-codes', '/admin/organisations', '/admin/nhs-domains', '/admin/outbox']) await notFound(manager, path);
  for (const path of ['/organisation', northPath!, `${northPath}/learners.csv`]) await notFound(learners[0]!, path);
  const stranger = await (await browser.newContext()).newPage();
  for (const path of ['/organisation', northPath!, `${northPath}/learners.csv`]) await notFound(stranger, path);
  // The admin sees every organisation.
  await admin.goto(southPath!);
  await expect(admin.getByRole('table')).toContainText('Sid South');
  for (const p of [...learners, stranger, admin]) await p.context().close();
  await managerContext.close();
});

test('admins add NHS domains and read the outbox page; bad domains are refused', async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto('/admin/nhs-domains');
  await expectAccessible(admin);
  await admin.getByLabel('Domain', { exact: true }).fill('not a domain');
  await admin.getByRole('button', { name: 'Add domain' }).click();
  await expect(admin.getByRole('alert')).toContainText('is not a domain');
  const domain = `${uniqueEmail('trust').split('@')[0]}.example.org`;
  await admin.getByLabel('Domain', { exact: true }).fill(`@${domain.toUpperCase()}`);
  await admin.getByRole('button', { name: 'Add domain' }).click();
  await expect(admin.getByRole('status')).toContainText('The domain has been added.');
  await expect(admin.getByRole('listitem').filter({ hasText: domain })).toBeVisible();

  // An address at the added domain now counts as NHS.
  const learner = await (await browser.newContext()).newPage();
  await signUp(learner);
  await learner.goto('/account/upgrade');
  await learner.getByLabel('NHS email address', { exact: true }).fill(`jo@${domain}`);
  await learner.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(learner.getByRole('status')).toContainText('We have sent a link to your NHS email address.');
  await waitForMail(`jo@${domain}`, /Confirm your NHS email address/);

  await admin.goto('/admin/outbox');
  await expect(admin.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(admin.getByText('Mail is sent through the SMTP server in SMTP_URL')).toBeVisible();
  await expectAccessible(admin);
  await learner.context().close();
  await admin.context().close();
});

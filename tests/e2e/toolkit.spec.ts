import { expect, test, type Page, type Request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectAccessible, joinCourse } from './support';

const download = (page: Page) => page.getByRole('button', { name: 'Download the sheet (PDF)' });

/** Opens a tool's page and waits until it runs: its buttons stay disabled until the island has hydrated. */
async function openTool(page: Page, path: string) {
  await page.goto(path);
  await expect(download(page)).toBeEnabled();
}

/** Everything the page sends and logs from now on, to show that nothing typed about a patient leaves the browser. */
function watchTraffic(page: Page) {
  const requests: Request[] = [];
  const logged: string[] = [];
  page.on('request', (request) => requests.push(request));
  page.on('console', (message) => logged.push(message.text()));
  return {
    async expectNoneCarry(typed: string[]) {
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        const sent = [decodeURIComponent(request.url()), request.postData() ?? '', ...Object.values(await request.allHeaders())].join('\n').toLowerCase();
        for (const text of typed) expect(sent, `${request.method()} ${request.url()}`).not.toContain(text.toLowerCase());
      }
      for (const line of logged) for (const text of typed) expect(line).not.toContain(text);
    },
  };
}

/** Downloads the sheet and returns its text, as pdftotext reads it, with runs of white space made single. */
async function sheetText(page: Page, press: () => Promise<void> = () => download(page).click()): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), press()]);
  const text = execFileSync('/usr/bin/pdftotext', [await file.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  await expect(page.getByRole('status').filter({ hasText: 'The sheet is ready' })).toBeVisible();
  return { name: file.suggestedFilename(), text };
}

/** A field's own message, beside it (the summary at the top may repeat it). */
const inlineError = (page: Page, text: string) => page.locator('.error-message').filter({ hasText: text });

async function expectNoNaN(page: Page) {
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
}

test('the Toolkit page lists the six tools and the header links to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Toolkit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toolkit' })).toBeVisible();
  for (const title of ['SMART goal builder', 'Baseline calculator', 'Pacing planner', 'Thought record', 'Flare-up plan', 'Home exercise programme']) {
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Pacing planner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pacing planner' })).toBeVisible();
  expect((await page.goto('/toolkit/no-such-tool'))?.status()).toBe(404);
});

test('SMART goal builder: flags what is vague, spreads the steps over the weeks, and prints them', async ({ page }) => {
  const traffic = watchTraffic(page);
  await openTool(page, '/toolkit/smart-goal');
  await expectAccessible(page);

  await page.getByLabel('The goal').fill('Get fitter');
  await expect(page.getByText('No amount: say how much or how often')).toBeVisible();
  await expect(page.getByText('No deadline: say when you aim to reach it')).toBeVisible();
  await expect(page.getByText('“fitter” is vague')).toBeVisible();

  const typed = {
    patient: 'Philippa Quenby',
    goal: 'Swim 8 lengths at Riverside baths on Thursday mornings',
    specific: 'Eight lengths of breaststroke in the quiet lane',
    measurable: 'Count lengths on the poolside board',
    applicable: 'Swimming with Marguerite again',
    rewarding: 'Coffee at the Lido kiosk afterwards',
  };
  await page.getByLabel('Patient’s name (optional)').fill(typed.patient);
  await page.getByLabel('The goal').fill(typed.goal);
  await page.getByLabel('Specific').fill(typed.specific);
  await page.getByLabel('Measurable').fill(typed.measurable);
  await page.getByLabel('Applicable').fill(typed.applicable);
  await page.getByLabel('Rewarding').fill(typed.rewarding);
  await page.getByLabel('Timed').fill('9 weeks');
  await expect(page.getByRole('status').filter({ hasText: 'This goal has an amount, a deadline and all five parts.' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Step 1' }).fill('Baseline of two lengths');
  await page.getByRole('textbox', { name: 'Step 2' }).fill('Four lengths with rests');
  await page.getByRole('textbox', { name: 'Step 3' }).fill('Eight lengths steadily');
  await expect(page.getByRole('heading', { name: 'The steps over 9 weeks' })).toBeVisible();
  await expect(page.getByText('Weeks 7 to 9: Eight lengths steadily')).toBeVisible();
  await expectAccessible(page);

  const { name, text } = await sheetText(page);
  expect(name).toBe('smart-goal.pdf');
  for (const value of Object.values(typed)) expect(text).toContain(value);
  expect(text).toContain('Weeks 1 to 3: Baseline of two lengths');
  await traffic.expectNoneCarry(Object.values(typed));
});

test('Baseline calculator: explains every bad number, works by keyboard alone, and prints the plan', async ({ page }) => {
  const traffic = watchTraffic(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await openTool(page, '/toolkit/baseline');

  // Bad input: each day says what is wrong once it is left, and nothing shows NaN.
  const cases: [string, string][] = [
    ['abc', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['0', 'The amount for day 2 must be more than 0.'],
    ['-4', 'The amount for day 3 cannot be negative.'],
  ];
  for (const [i, [value]] of cases.entries()) await page.getByLabel(`Day ${i + 1}`, { exact: true }).fill(value);
  await page.getByLabel('Activity or exercise').focus();
  for (const [, message] of cases) await expect(inlineError(page, message)).toBeVisible();
  await page.getByLabel('Day 1', { exact: true }).fill('99999');
  await expect(inlineError(page, 'The amount for day 1 must be 10,000 or less.')).toBeVisible();
  await page.getByLabel('Day 1', { exact: true }).fill('');
  await expect(inlineError(page, 'Enter the amount for day 1.')).toBeVisible();
  await expectNoNaN(page);

  // Downloading with problems lists them at the top and makes no file.
  await download(page).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await summary.getByRole('link', { name: 'The amount for day 3 cannot be negative.' }).click();
  await expect(page.getByLabel('Day 3', { exact: true })).toBeFocused();
  expect(downloads).toBe(0);
  await expectAccessible(page);

  // From here on, the keyboard alone.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Day 1', { exact: true })).toBeFocused();
  await page.keyboard.type('9');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await expect(page.getByRole('status').filter({ hasText: 'average 10 minutes' })).toContainText('Start a little below it: 7 to 8 minutes.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Plan the build-up from 8 minutes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Target')).toBeFocused();
  await expect(page.getByLabel('Starting level')).toHaveValue('8');
  await expect(page.getByLabel('Each increase')).toHaveValue('1');
  await page.keyboard.type('0');
  await page.keyboard.press('Tab');
  await expect(inlineError(page, 'The target must be more than 0.')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await expect(page.getByRole('status').filter({ hasText: '5 levels' })).toHaveText('5 levels, from 8 minutes to 12 minutes, reaching the target in week 9.');
  await expect(page.getByRole('img', { name: /A staircase rising from 8 to 12 minutes/ })).toBeVisible();
  await expect(page.getByRole('row', { name: '9 12 minutes' })).toBeVisible();
  await expectNoNaN(page);

  // Tab on to Download and press Enter.
  for (let i = 0; i < 12 && !(await download(page).evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(download(page)).toBeFocused();
  const { name, text } = await sheetText(page, () => page.keyboard.press('Enter'));
  expect(name).toBe('baseline-plan.pdf');
  for (const expected of ['9 minutes 11 minutes 10 minutes 30 minutes 10 minutes', '7 to 8 minutes', 'My target is 12 minutes, from week 9.', 'If pain goes up after an increase']) {
    expect(text).toContain(expected);
  }
  await expectAccessible(page);
  await traffic.expectNoneCarry([]);
});

test('Pacing planner: a task becomes spells and rests, and prints as a timetable', async ({ page }) => {
  const traffic = watchTraffic(page);
  await openTool(page, '/toolkit/pacing');
  const typed = { task: 'Tidying the conservatory', part: 'Repot the geraniums', prioritise: 'Geraniums before the frost' };
  await page.getByLabel('The task').fill(typed.task);
  await page.getByLabel('Prioritise').fill(typed.prioritise);
  await page.getByLabel('Part 1', { exact: true }).fill(typed.part);
  await page.getByLabel('Minutes', { exact: true }).first().fill('25');
  await page.getByLabel('Part 2', { exact: true }).fill('Sweep the floor');
  await page.getByLabel('Minutes', { exact: true }).nth(1).fill('10');
  await page.getByLabel('Longest spell of activity (minutes)').fill('10');
  await page.getByLabel('Rest between spells (minutes)').fill('0');
  await page.getByLabel('Start at').fill('10:00');
  await expect(inlineError(page, 'The rest between spells must be more than 0. Pacing needs a rest between spells, even a short one.')).toBeVisible();
  await page.getByLabel('Rest between spells (minutes)').fill('five');
  await page.getByLabel('Start at').focus();
  await expect(inlineError(page, 'The rest between spells must be a number, like 10.')).toBeVisible();
  await page.getByLabel('Rest between spells (minutes)').fill('15');
  await expect(page.getByRole('status').filter({ hasText: 'spells of activity' })).toHaveText('4 spells of activity, 35 minutes in all, from 10:00 to 11:20.');
  await expect(page.getByRole('row', { name: '10:00 to 10:09 Repot the geraniums (1 of 3)' })).toBeVisible();

  // Moving a part up changes the order of the day.
  await page.getByRole('button', { name: 'Move part 2 up' }).click();
  await expect(page.getByRole('row').nth(1)).toContainText('Sweep the floor');
  await expectNoNaN(page);
  await expectAccessible(page);

  const { text } = await sheetText(page);
  for (const value of Object.values(typed)) expect(text).toContain(value);
  expect(text).toContain('10:00 to 10:10 Sweep the floor');
  expect(text).toContain('Spells of up to 10 minutes, with 15 minutes’ rest between them.');
  await traffic.expectNoneCarry(Object.values(typed));
});

test('Thought record: suggests thinking styles from the wording and prints the record', async ({ page }) => {
  const traffic = watchTraffic(page);
  await openTool(page, '/toolkit/thought-record');
  await download(page).click();
  await expect(page.getByRole('alert')).toContainText('Write down the thought that went through your mind.');

  const typed = {
    situation: 'Queueing at the Wetherby post office',
    thought: 'Everyone thinks I am making a fuss, I should manage this queue',
    feeling: 'Embarrassed',
    behaviour: 'Went home without posting the parcel',
    alternative: 'Most people are busy with their own errands',
  };
  await page.getByLabel('Situation').fill(typed.situation);
  await page.getByLabel('Thought', { exact: true }).fill(typed.thought);
  await expect(page.getByRole('status').filter({ hasText: 'The wording suggests' })).toHaveText('The wording suggests: Should and must statements, Jumping to conclusions.');
  await page.getByRole('button', { name: 'Tick the suggested styles' }).click();
  await expect(page.getByLabel('Should and must statements')).toBeChecked();
  await expect(page.getByLabel('Jumping to conclusions')).toBeChecked();
  // A style ticked by keyboard.
  await page.getByLabel('Mental filter').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Mental filter')).toBeChecked();
  await page.getByLabel('Feeling').fill(typed.feeling);
  await page.getByLabel('What you did').fill(typed.behaviour);
  await page.getByLabel('A more helpful way to see it').fill(typed.alternative);
  await expectAccessible(page);

  const { text } = await sheetText(page);
  for (const value of Object.values(typed)) expect(text).toContain(value);
  expect(text).toContain('Should and must statements; Jumping to conclusions; Mental filter');
  await traffic.expectNoneCarry(Object.values(typed));
});

test('Flare-up plan: ideas, own ideas and a personal plan of at most six actions', async ({ page }) => {
  const traffic = watchTraffic(page);
  await openTool(page, '/toolkit/flare-up');
  await page.getByRole('group', { name: 'In a good spell' }).getByLabel('Plan ahead').check();
  await page.getByRole('group', { name: 'During a flare-up' }).getByLabel('Use relaxation, such as slow breathing').check();
  await page.getByRole('group', { name: 'During a flare-up' }).getByLabel('Your own ideas, one a line').fill('Ring Auntie Morwenna\nHot water bottle');

  const action = page.getByLabel('An action');
  await action.focus();
  await page.keyboard.press('Enter');
  await expect(inlineError(page, 'Write the action first')).toBeVisible();
  const actions = ['Walk to the postbox and back twice a day', 'Three easiest exercises each morning', 'Ten minutes of slow breathing', 'Tell Desmond about the flare-up', 'Keep to half my usual baseline', 'Heat pad after lunch'];
  for (const text of actions) {
    await action.fill(text);
    await page.keyboard.press('Enter');
    await expect(action).toHaveValue('');
  }
  await expect(page.getByRole('status').filter({ hasText: 'actions in the plan' })).toHaveText('6 of 6 actions in the plan.');
  await action.fill('A seventh action');
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(inlineError(page, 'The plan already has 6 actions: remove one to add another.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove action 6: Heat pad after lunch' }).click();
  await expect(action).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'actions in the plan' })).toHaveText('5 of 6 actions in the plan.');
  await expectAccessible(page);

  const { text } = await sheetText(page);
  for (const expected of ['Plan ahead', 'Use relaxation, such as slow breathing', 'Ring Auntie Morwenna', 'Hot water bottle', ...actions.slice(0, 5)]) expect(text).toContain(expected);
  expect(text).not.toContain('Heat pad after lunch');
  await traffic.expectNoneCarry(['Morwenna', ...actions]);
});

test('Home exercise programme: choose by keyboard, set the dose, print the instructions', async ({ page }) => {
  const traffic = watchTraffic(page);
  await openTool(page, '/toolkit/exercise-programme');
  await download(page).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one exercise.');

  await page.getByLabel('Bridge', { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Bridge: sets')).toHaveValue('2');
  const reps = page.getByLabel('Bridge: repetitions a set');
  const bad: [string, string][] = [
    ['', 'Enter the repetitions for bridge.'],
    ['1.5', 'The repetitions for bridge must be a whole number, like 10.'],
    ['400', 'The repetitions for bridge must be 100 or less.'],
  ];
  for (const [value, message] of bad) {
    await reps.fill(value);
    await reps.blur();
    await expect(inlineError(page, message)).toBeVisible();
  }
  await reps.fill('8');
  await page.getByLabel('Balance', { exact: true }).check();
  await page.getByLabel('Balance: sets').fill('3');
  await page.getByLabel('Balance: seconds a set').fill('20');
  await page.getByRole('group', { name: 'Level 3: load, equipment and balance' }).getByText('How to do it').last().click();
  await expectNoNaN(page);
  await expectAccessible(page);

  const { name, text } = await sheetText(page);
  expect(name).toBe('home-exercise-programme.pdf');
  expect(text).toContain('Bridge: 2 sets of 8 repetitions');
  expect(text).toContain('Balance: 3 sets of 20 seconds');
  expect(text).toContain('Stand by a kitchen worktop');
  await traffic.expectNoneCarry([]);
});

test('a tool keeps nothing unless asked, remembers when ticked, and Clear forgets', async ({ page }) => {
  await openTool(page, '/toolkit/smart-goal');
  const goal = page.getByLabel('The goal');
  await goal.fill('Dance at Rosalind’s wedding');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('best-toolkit')))).toEqual([]);
  await page.reload();
  await expect(download(page)).toBeEnabled();
  await expect(goal).toHaveValue('');

  await goal.fill('Dance at Rosalind’s wedding');
  await page.getByLabel('Remember what I typed on this computer').check();
  await page.reload();
  await expect(download(page)).toBeEnabled();
  await expect(goal).toHaveValue('Dance at Rosalind’s wedding');
  await expect(page.getByLabel('Remember what I typed on this computer')).toBeChecked();

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(goal).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Cleared.' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('best-toolkit')))).toEqual([]);
  await page.reload();
  await expect(download(page)).toBeEnabled();
  await expect(goal).toHaveValue('');
});

test('the SMART goals step embeds the builder for a joined learner; other steps carry no tool', async ({ page }) => {
  await joinCourse(page, 'best');
  await page.goto('/courses/best/steps/w4-introduction');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.tool-embed')).toHaveCount(0);
  await expect(page.locator('astro-island[component-url*="Tool"]')).toHaveCount(0);

  await page.goto('/courses/best/steps/w4-smart-goals');
  const section = page.getByRole('region', { name: 'Try it: SMART goal builder' });
  await section.scrollIntoViewIfNeeded();
  await expect(download(page)).toBeEnabled();
  await section.getByLabel('The goal').fill('Walk 2 miles');
  await expect(section.getByText('No deadline: say when you aim to reach it')).toBeVisible();
  await expect(section.getByRole('heading', { level: 3, name: 'How SMART is it?' })).toBeVisible();
  await expectAccessible(page);
  const { text } = await sheetText(page);
  expect(text).toContain('Walk 2 miles');
});

import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { makeEducator } from './discussion-db';
import { expectAccessible, joinCourse, signUp } from './support';

const sameOrigin = { Origin: baseURL };

/** A person in a browser of their own, signed up and on the course. */
async function newPerson(browser: Browser, name: string, course: string): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUp(page, { name });
  await page.goto(`/courses/${course}`);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${course}/todo$`));
  return { page, email, close: () => context.close() };
}

/** The comment (without its replies) whose text includes `text`. */
const comment = (page: Page, text: string) => page.locator('.comment__main', { hasText: text });

async function idOf(main: Locator): Promise<string> {
  const id = await main.locator('xpath=..').getAttribute('id');
  return id!.replace(/^comment-/, '');
}

/** Waits until the comment form's island has hydrated (it hydrates when scrolled into view). */
async function hydrated(page: Page): Promise<void> {
  await page.getByLabel('Add a comment').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[component-url*="CommentForm"]')).not.toHaveAttribute('ssr');
}

const header = (page: Page) => page.getByRole('navigation', { name: 'Account' });

test('two learners and an educator discuss a step: post, reply, @mention, notifications, like, bookmark, report, hide, pin', async ({ browser }) => {
  test.setTimeout(180_000);
  const step = '/courses/best/steps/w1-discussion-your-practice';
  const alice = await newPerson(browser, 'Alice Able', 'best');
  const ben = await newPerson(browser, 'Ben Baker', 'best');
  const erin = await newPerson(browser, 'Erin Educator', 'best');
  makeEducator(erin.email, 'best');
  const a = alice.page;
  const b = ben.page;
  const e = erin.page;

  // Alice answers the prompt. The island posts without a reload, and posting completes the discussion step.
  await a.goto(step);
  await expect(a.getByRole('complementary', { name: 'Discussion prompt' })).toBeVisible();
  await expect(a.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await expect(a.getByText('Not completed yet.')).toBeVisible();
  await hydrated(a);
  await a.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await a.getByLabel('Add a comment').fill('I ask what worries them most about their back.');
  await a.getByRole('button', { name: 'Post comment' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Your comment has been posted.' })).toBeVisible();
  await expect(a.getByRole('heading', { name: '1 comment', exact: true })).toBeVisible();
  await expect(comment(a, 'what worries them most')).toContainText('Alice Able');
  await expect(comment(a, 'what worries them most')).toContainText('Physiotherapist');
  await expect(a.getByLabel('Add a comment')).toHaveValue('');
  await expect(a.getByText('You have completed this step.')).toBeVisible();
  expect(await a.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await a.reload();
  await expect(a.getByText('You have completed this step.')).toBeVisible();
  await expect(comment(a, 'what worries them most').getByRole('link', { name: /^Report/ })).toHaveCount(0);
  await expectAccessible(a);

  // Ben @mentions Alice, chosen from the suggestions, then replies to her comment.
  await b.goto(step);
  await hydrated(b);
  const box = b.getByLabel('Add a comment');
  await box.click();
  await box.pressSequentially('Thanks @Al');
  await expect(b.getByRole('option', { name: /Alice Able/ })).toBeVisible();
  await expectAccessible(b);
  await box.press('Enter');
  await expect(box).toHaveValue('Thanks @Alice Able ');
  await box.pressSequentially('for sharing that.');
  await b.getByRole('button', { name: 'Post comment' }).click();
  await expect(b.getByRole('heading', { name: '2 comments' })).toBeVisible();

  await comment(b, 'what worries them most').getByRole('link', { name: /^Reply/ }).click();
  await expect(b.getByRole('heading', { name: 'Reply to Alice Able' })).toBeVisible();
  await expectAccessible(b);
  await b.getByLabel('Your reply').fill('Same here: it opens the conversation.');
  await b.getByRole('button', { name: 'Post reply' }).click();
  await expect(b.getByText('Your reply has been posted.')).toBeVisible();
  await expect(b.getByRole('list', { name: 'Replies to Alice Able' })).toContainText('Same here: it opens the conversation.');
  await expect(b.getByRole('heading', { name: '3 comments' })).toBeVisible();

  // Alice is told of both in the header, reads them, and marks them read.
  await a.goto('/');
  const bell = header(a).getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications 2 unread');
  await bell.click();
  await expect(a.getByText('You have 2 unread notifications.')).toBeVisible();
  const mentioned = a.locator('.card', { hasText: 'Ben Baker mentioned you' });
  await expect(mentioned).toContainText('Thanks @Alice Able for sharing that.');
  await expect(a.locator('.card', { hasText: 'Ben Baker replied to your comment' })).toContainText('Same here');
  await expectAccessible(a);
  await mentioned.getByRole('button', { name: /^Mark as read/ }).click();
  await expect(bell).toHaveAccessibleName('Notifications 1 unread');
  await a.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications');
  await a.locator('.card', { hasText: 'replied to your comment' }).getByRole('link').click();
  await expect(a).toHaveURL(/w1-discussion-your-practice#comment-/);

  // Alice likes Ben's comment: one like however often she sends it. Then she bookmarks it.
  const bens = comment(a, 'Thanks @Alice Able');
  await expect(bens).toContainText('0 likes');
  await bens.getByRole('button', { name: /^Like/ }).click();
  await expect(bens.getByRole('button', { name: /^Like/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(bens).toContainText('1 like');
  const bensId = await idOf(bens);
  const again = await a.request.post(`${step}/comments/${bensId}/like`, { form: { like: 'yes', back: step }, headers: sameOrigin, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  await a.reload();
  await expect(bens).toContainText('1 like');
  await bens.getByRole('button', { name: /^Bookmark/ }).click();
  await expect(bens.getByRole('button', { name: /^Bookmark/ })).toHaveAttribute('aria-pressed', 'true');
  await header(a).getByRole('link', { name: 'Bookmarks' }).click();
  await expect(a.getByRole('heading', { name: 'Bookmarks', level: 1 })).toBeVisible();
  await expect(a.locator('.card')).toContainText('Thanks @Alice Able for sharing that.');
  await expect(a.locator('.card')).toContainText('Ben Baker');
  await expectAccessible(a);

  // Ben reports Alice's comment, with a reason.
  await b.goto(step);
  await comment(b, 'what worries them most').getByRole('link', { name: /^Report/ }).click();
  await b.getByRole('button', { name: 'Send report' }).click();
  await expect(b.getByRole('alert')).toContainText('Choose why you are reporting this comment.');
  await expectAccessible(b);
  await b.getByLabel('It is spam or advertising').check();
  await b.getByRole('button', { name: 'Send report' }).click();
  await expect(b.getByText('Thank you. An educator will look at the comment you reported.')).toBeVisible();
  // A learner cannot moderate, even by posting the form directly.
  const notAllowed = await b.request.post(`${step}/comments/${bensId}/moderate`, { form: { action: 'hide', back: step }, headers: sameOrigin, maxRedirects: 0 });
  expect(notAllowed.status()).toBe(403);

  // Erin sees the report in her moderation list and hides the comment.
  await e.goto('/educator/moderation');
  const reported = e.locator('.card', { hasText: 'what worries them most' });
  await expect(reported).toContainText('1 report');
  await expect(reported).toContainText('It is spam or advertising');
  await expectAccessible(e);
  await reported.getByRole('button', { name: /^Hide from learners/ }).click();
  await expect(e.locator('.card', { hasText: 'what worries them most' })).toContainText('Hidden from learners');

  // Learners no longer see it (nor its replies), the author included.
  for (const page of [a, b]) {
    await page.goto(step);
    await expect(page.getByRole('heading', { name: /comments?$/ })).toBeVisible();
    await expect(page.getByText('what worries them most')).toHaveCount(0);
    await expect(page.getByText('Same here')).toHaveCount(0);
  }

  // Erin sees it, marked; pins Ben's comment; her own comment carries the Educator mark.
  await e.goto(step);
  await expect(comment(e, 'what worries them most')).toContainText('Hidden from learners');
  await comment(e, 'Thanks @Alice Able').getByRole('button', { name: /^Pin/ }).click();
  await hydrated(e);
  await e.getByLabel('Add a comment').fill('Welcome, everyone. Keep these coming.');
  await e.getByRole('button', { name: 'Post comment' }).click();
  await expect(comment(e, 'Welcome, everyone.').locator('.badge')).toHaveText('Educator');
  await expect(e.locator('.comment-list > li').first()).toContainText('Pinned by an educator');
  await expect(e.locator('.comment-list > li').first()).toContainText('Thanks @Alice Able');
  await expectAccessible(e);

  // Ben sees the pin and the Educator mark, and no moderation buttons.
  await b.goto(step);
  const first = b.locator('.comment-list > li').first();
  await expect(first).toContainText('Pinned by an educator');
  await expect(first).toContainText('Thanks @Alice Able');
  await expect(comment(b, 'Welcome, everyone.').locator('.badge')).toHaveText('Educator');
  await expect(b.getByRole('button', { name: /^(Pin|Hide)/ })).toHaveCount(0);
  await expectAccessible(b);

  await Promise.all([alice.close(), ben.close(), erin.close()]);
});

test('bad comments get a clear message and store nothing; the 11th comment in a minute is refused', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  const step = '/courses/fixture-basics/steps/second-step';
  await page.goto(step);
  const box = page.getByLabel('Add a comment');
  const post = page.getByRole('button', { name: 'Post comment' });

  await post.click();
  await expect(page.getByRole('alert')).toContainText('Enter your comment. It cannot be empty.');
  await expect(page.getByRole('heading', { name: 'Add a comment', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await box.fill('  \n\t  ');
  await post.click();
  await expect(page.getByRole('alert')).toContainText('Enter your comment. It cannot be empty.');
  await box.fill('x'.repeat(5001));
  await post.click();
  await expect(page.getByRole('alert')).toContainText('Your comment must be 5,000 characters or fewer. It has 5,001.');
  await expect(box).toHaveValue('x'.repeat(5001));
  const refused = await page.request.post(`${step}/comments`, { form: { text: ' ' }, headers: sameOrigin, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  await page.goto(step);
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();

  // Post until the limit bites (10 at once), then at once try again from the form.
  await box.fill('One comment too many');
  let accepted = 0;
  for (;;) {
    const response = await page.request.post(`${step}/comments`, { form: { text: `Quick comment ${accepted + 1}` }, headers: sameOrigin, maxRedirects: 0 });
    if (response.status() === 429) break;
    expect(response.status()).toBe(303);
    accepted++;
    expect(accepted).toBeLessThan(15);
  }
  expect(accepted).toBeGreaterThanOrEqual(10);
  await post.click();
  await expect(page.getByRole('alert')).toContainText(/You can post up to 10 comments a minute\. Wait (a second|\d+ seconds) and post again\./);
  await expect(box).toHaveValue('One comment too many');
  const limited = await page.request.post(`${step}/comments`, { form: { text: 'And another' }, headers: { ...sameOrigin, Accept: 'application/json' } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await limited.json()).error).toContain('You can post up to 10 comments a minute.');
  await page.goto(step);
  await expect(page.getByRole('heading', { name: `${accepted} comments` })).toBeVisible();
  await expect(page.getByText('One comment too many')).toHaveCount(0);
  await expect(page.getByText('And another')).toHaveCount(0);
});

test('people edit and delete only their own comments, and must have joined the course to post', async ({ page, browser, request }) => {
  await joinCourse(page, 'fixture-basics');
  const step = '/courses/fixture-basics/steps/hello';
  const olga = await newPerson(browser, 'Olga Other', 'fixture-basics');

  await page.goto(step);
  await page.getByLabel('Add a comment').fill('Frist post');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment has been posted.')).toBeVisible();
  await comment(page, 'Frist post').getByRole('link', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit your comment' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Your comment').fill('  ');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your comment. It cannot be empty.');
  await page.getByLabel('Your comment').fill('First post');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your comment has been updated.')).toBeVisible();
  await expect(comment(page, 'First post')).toContainText('(edited)');
  const id = await idOf(comment(page, 'First post'));

  // Olga replies, and cannot edit or delete Alex's comment, by the page or by posting directly.
  const o = olga.page;
  await o.goto(step);
  await expect(comment(o, 'First post').getByRole('link', { name: /^(Edit|Delete)/ })).toHaveCount(0);
  await comment(o, 'First post').getByRole('link', { name: /^Reply/ }).click();
  await o.getByLabel('Your reply').fill('Welcome!');
  await o.getByRole('button', { name: 'Post reply' }).click();
  await expect(o.getByText('Your reply has been posted.')).toBeVisible();
  const editPage = await o.goto(`${step}/comments/${id}/edit`);
  expect(editPage?.status()).toBe(403);
  await expect(o.getByRole('alert')).toContainText('You can only edit your own comments.');
  for (const [action, form] of [['edit', { text: 'Hacked' }], ['delete', {}]] as const) {
    const response = await o.request.post(`${step}/comments/${id}/${action}`, { form, headers: sameOrigin, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  }
  await o.goto(step);
  await expect(comment(o, 'First post')).toBeVisible();
  await expect(o.getByText('Hacked')).toHaveCount(0);

  // Alex deletes his comment: it has a reply, so "Comment deleted" keeps its place above the reply.
  await page.goto(step);
  await comment(page, 'First post').getByRole('link', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'Delete your comment?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Delete comment' }).click();
  await expect(page.getByText('Your comment has been deleted.')).toBeVisible();
  await expect(page.getByText('Comment deleted')).toBeVisible();
  await expect(page.getByText('First post')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Replies to a deleted comment' })).toContainText('Welcome!');

  // When the last reply goes, so does the deleted comment.
  await o.goto(step);
  await comment(o, 'Welcome!').getByRole('link', { name: /^Delete/ }).click();
  await o.getByRole('button', { name: 'Delete comment' }).click();
  await expect(o.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await expect(o.getByText('Comment deleted')).toHaveCount(0);

  // Someone who has not joined the course is refused, and nothing is stored; so is someone signed out.
  const outsider = await browser.newContext();
  const outsiderPage = await outsider.newPage();
  await signUp(outsiderPage, { name: 'Nora Nonmember' });
  const notJoined = await outsiderPage.request.post(`${step}/comments`, { form: { text: 'Let me in' }, headers: sameOrigin, maxRedirects: 0 });
  expect(notJoined.status()).toBe(403);
  expect(await notJoined.text()).toContain('Join this course to take part in its discussion.');
  const asJson = await outsiderPage.request.post(`${step}/comments`, { form: { text: 'Let me in' }, headers: { ...sameOrigin, Accept: 'application/json' } });
  expect(asJson.status()).toBe(403);
  const signedOut = await request.post(`${step}/comments`, { form: { text: 'Anonymous' }, headers: sameOrigin, maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers().location).toContain('/signin?next=');
  await page.goto(step);
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await Promise.all([olga.close(), outsider.close()]);
});

const xssPayloads = [
  '<script>window.__xss = 1; alert("script")</script>',
  '<img src=x onerror="window.__xss = 2; alert(\'img\')">',
  '<svg onload="window.__xss = 3; alert(\'svg\')"><circle r="10"/></svg>',
  '<a href="javascript:window.__xss = 4; alert(\'link\')">click me</a>',
  'javascript:alert(5)',
  '&lt;script&gt;alert(6)&lt;/script&gt; and &#60;img src=x onerror=alert(7)&#62;',
  '"><iframe src="javascript:alert(8)"></iframe>',
  '<style>body { display: none }</style><b onmouseover="alert(9)">hover me</b>',
];

/** Fails if anything a commenter wrote became an element or ran. */
async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  const written = ':is(.comment-list, .comment-cards, .comment-form)';
  await expect(page.locator(`${written} :is(script, img, svg, iframe, style, b, [onerror], [onload], [onmouseover], a[href^="javascript" i])`)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test('comments are plain text: script tags, event handlers, javascript: links, SVG and entity tricks run nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const step = '/courses/best/steps/w2-tricky-questions-discussion';
  const mallory = await newPerson(browser, 'Mallory Mischief', 'best');
  const victim = await newPerson(browser, 'Victor Victim', 'best');
  const dialogs: string[] = [];
  for (const page of [mallory.page, victim.page]) {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }

  // The victim comments; the attacker posts every payload through the island (JSON, then the refreshed list).
  await victim.page.goto(step);
  await victim.page.getByLabel('Add a comment').fill('An innocent comment');
  await victim.page.getByRole('button', { name: 'Post comment' }).click();
  await expect(comment(victim.page, 'An innocent comment')).toBeVisible();

  const m = mallory.page;
  await m.goto(step);
  await hydrated(m);
  for (const payload of xssPayloads) {
    await m.getByLabel('Add a comment').fill(payload);
    await m.getByRole('button', { name: 'Post comment' }).click();
    await expect(m.getByLabel('Add a comment')).toHaveValue('');
    await expect(m.locator('.comment__text', { hasText: payload })).toHaveCount(1);
  }
  await expectNothingInjected(m, dialogs);

  // A reply with a payload reaches the victim's notifications; they bookmark one too.
  await comment(m, 'An innocent comment').getByRole('link', { name: /^Reply/ }).click();
  await m.getByLabel('Your reply').fill(xssPayloads[1]!);
  await m.getByRole('button', { name: 'Post reply' }).click();
  await expect(m.getByText('Your reply has been posted.')).toBeVisible();

  const v = victim.page;
  await v.goto(step);
  await expect(v.getByRole('heading', { name: `${xssPayloads.length + 2} comments` })).toBeVisible();
  for (const payload of xssPayloads) await expect(v.locator('.comment__text', { hasText: payload }).first()).toBeVisible();
  await v.locator('.comment__text', { hasText: 'hover me' }).hover();
  await expectNothingInjected(v, dialogs);
  await expectAccessible(v);
  await comment(v, xssPayloads[2]!).getByRole('button', { name: /^Bookmark/ }).click();
  await v.goto('/bookmarks');
  await expect(v.locator('.comment__text')).toHaveText(xssPayloads[2]!);
  await expectNothingInjected(v, dialogs);
  await v.goto('/notifications');
  await expect(v.locator('.card', { hasText: 'Mallory Mischief replied to your comment' })).toContainText(xssPayloads[1]!);
  await expectNothingInjected(v, dialogs);
  await Promise.all([mallory.close(), victim.close()]);
});

test('links in comments are clickable only for http(s), with rel="nofollow ugc noopener"', async ({ page }) => {
  await joinCourse(page, 'fixture-basics');
  const step = '/courses/fixture-basics/steps/third-step';
  const texts = [
    'Guidance at https://example.org/back-pain.',
    'Tricky: https://example.org/a"onmouseover="alert(1)',
    'Also https://example.org/<script>alert(2)</script>',
    'Not a link: javascript:alert(3) or data:text/html,hi',
  ];
  for (const text of texts) {
    const response = await page.request.post(`${step}/comments`, { form: { text }, headers: sameOrigin, maxRedirects: 0 });
    expect(response.status()).toBe(303);
  }
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(step);
  const links = page.locator('.comment__text a');
  await expect(links).toHaveCount(3);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
    await expect(link).toHaveAttribute('href', /^https:\/\/example\.org\/[^"<>]*$/);
    await link.hover();
  }
  await expect(page.getByRole('link', { name: 'https://example.org/back-pain' })).toHaveAttribute('href', 'https://example.org/back-pain');
  await expect(page.locator('.comment__text', { hasText: 'Tricky' })).toHaveText(texts[1]!);
  await expectNothingInjected(page, dialogs);
});

test('20 comments at a time with Show more; newest first or most liked, kept in the address', async ({ browser }) => {
  test.setTimeout(120_000);
  const step = '/courses/fixture-basics/steps/practice-test';
  const posters = [await newPerson(browser, 'Pat One', 'fixture-basics'), await newPerson(browser, 'Pat Two', 'fixture-basics'), await newPerson(browser, 'Pat Three', 'fixture-basics')];
  for (let i = 1; i <= 25; i++) {
    const poster = posters[i % 3]!;
    const response = await poster.page.request.post(`${step}/comments`, { form: { text: `Numbered comment ${i}.` }, headers: { ...sameOrigin, Accept: 'application/json' } });
    expect(response.status()).toBe(201);
  }
  const page = posters[0]!.page;
  await page.goto(step);
  await expect(page.getByRole('heading', { name: '25 comments' })).toBeVisible();
  const items = page.locator('.comment-list > li');
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText('Numbered comment 25.');
  await page.getByRole('link', { name: 'Show more comments' }).click();
  await expect(page).toHaveURL(/\?show=40#comment-/);
  await expect(items).toHaveCount(25);
  await expect(page.getByRole('link', { name: 'Show more comments' })).toHaveCount(0);
  await expect(items.last()).toContainText('Numbered comment 1.');
  await expectAccessible(page);

  // Two people like comment 2 (posted by Pat Three); it leads when sorted by likes.
  for (const liker of posters.slice(0, 2)) {
    await liker.page.goto(`${step}?show=40`);
    await comment(liker.page, 'Numbered comment 2.').getByRole('button', { name: /^Like/ }).click();
  }
  await page.goto(step);
  await page.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Most liked' }).click();
  await expect(page).toHaveURL(/\?sort=liked#discussion-count$/);
  await expect(page.getByRole('link', { name: 'Most liked' })).toHaveAttribute('aria-current', 'true');
  await expect(items.first()).toContainText('Numbered comment 2.');
  await expect(items.first()).toContainText('2 likes');
  // Actions keep the sort: liking from here comes back to the same order.
  await comment(page, 'Numbered comment 20.').getByRole('button', { name: /^Like/ }).click();
  await expect(page).toHaveURL(/\?sort=liked#comment-/);
  await Promise.all(posters.map((p) => p.close()));
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('posting on a discussion step is a plain form, and completes the step', async ({ page }) => {
    const step = '/courses/best/steps/w3-discussion-spotting-boom-and-bust';
    await joinCourse(page, 'best');
    await page.goto(step);
    await expect(page.getByText('Not completed yet.')).toBeVisible();
    await page.getByLabel('Add a comment').fill('Boom days, then bust days, most weeks.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page).toHaveURL(/\?done=posted#comment-/);
    await expect(page.getByText('Your comment has been posted.')).toBeVisible();
    await expect(page.getByText('You have completed this step.')).toBeVisible();
    await expect(comment(page, 'Boom days, then bust days')).toContainText('Alex Example');
    await expectAccessible(page, false);
  });
});

/**
 * Step pages in their plain form and the Progress page are rendered by Astro once as a shell and then filled per
 * request by a fast lane (src/lib/html/page-shell.ts, src/lib/courses/step-shell.ts, src/lib/progress/progress-shell.ts).
 * The shell must hold nothing of the person whose request made it, and the lane must answer exactly as the page
 * does, or leave the request to the page.
 *
 * Each person in turn is the first to open every page on a fresh server, so their pages come from Astro; everyone
 * else's pages on that server come from the lane. Each lane page must equal that person's own Astro page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { threadHtml } from '../../src/lib/discussion/comment-markup';
import { placeFrom } from '../../src/lib/discussion/listing';
import { loadThread } from '../../src/lib/discussion/thread';
import { learner, startServer, type RunningServer } from '../support/server';
import { startWorld, type Someone, type World } from './access-fixture';

const dir = 'tests/.tmp/step-page-lane';
const port = 4488;
const everyone: Someone[] = ['learnerA', 'learnerB', 'otherEducator', 'educator', 'admin'];
/** An article with the comments, one without, a video step; the quiz and assessment are always the page's. */
const steps = ['hello', 'second-step', 'short-clip', 'third-step'];
const pathOf = (step: string) => `/courses/fixture-basics/steps/${step}`;
const progress = '/courses/fixture-basics/progress';
const pages = [...steps.map(pathOf), progress];
const fromShell = (response: Response) => response.headers.get('server-timing') === 'fast-lane';

let world: World;
let server: RunningServer | undefined;

async function open(cookie: string, path: string, init: RequestInit = {}) {
  const response = await fetch(server!.url + path, { redirect: 'manual', ...init, headers: { Cookie: cookie, ...init.headers } });
  return { response, body: await response.text() };
}

async function restart(): Promise<void> {
  server?.process.kill('SIGKILL');
  await server?.exited;
  server = await startServer({ port, databasePath: `${dir}/platform.db` });
}

beforeAll(async () => {
  world = await startWorld(port, dir);
  // A comment that tries to be a slot marker, by a learner whose name tries too.
  world.run("UPDATE users SET name = 'Learner <!--best-cpd-slot:header--> B' WHERE email = 'learnerb@example.org'");
  const posted = await fetch(`${world.server.url}${pathOf('hello')}/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: world.server.url, Cookie: world.cookies.learnerB },
    body: new URLSearchParams({ text: 'Before <!--best-cpd-slot:thread--> after' }),
  });
  expect(posted.status).toBe(303);
  world.server.process.kill('SIGKILL');
  await world.server.exited;
}, 120_000);
afterAll(() => server?.process.kill('SIGKILL'));

describe('the step and Progress page lanes', () => {
  it('gives every person exactly the page Astro renders for them, whoever made the shell', async () => {
    const astroPages = new Map<string, string>();
    const lanePages: { who: Someone; page: string; body: string; madeBy: Someone }[] = [];
    for (const first of everyone) {
      await restart();
      for (const page of pages) {
        const { response, body } = await open(world.cookies[first], page);
        expect(response.status).toBe(200);
        expect(fromShell(response)).toBe(false);
        astroPages.set(`${first} ${page}`, body);
      }
      for (const who of everyone.filter((w) => w !== first)) {
        for (const page of pages) {
          const { response, body } = await open(world.cookies[who], page);
          expect(response.status).toBe(200);
          expect(fromShell(response)).toBe(true);
          lanePages.push({ who, page, body, madeBy: first });
        }
      }
    }
    for (const page of lanePages) {
      expect(page.body, `${page.who} on ${page.page}, shell made by ${page.madeBy}`).toBe(astroPages.get(`${page.who} ${page.page}`));
    }
    // The pages differ by person, so the comparison above could have caught a leak.
    const hello = (who: Someone) => astroPages.get(`${who} ${pathOf('hello')}`)!;
    expect(hello('educator')).toContain('Reported and hidden comments');
    expect(hello('learnerA')).not.toContain('Reported and hidden comments');
    expect(hello('learnerA')).toMatch(/Notifications <span class="count-badge">1<span class="visually-hidden"> unread<\/span><\/span>/);
    expect(hello('learnerB')).not.toContain('count-badge');
    expect(hello('admin')).toContain('href="/educator">Console</a>');
    expect(hello('learnerA')).not.toContain('href="/educator">Console</a>');
    const progressOf = (who: Someone) => astroPages.get(`${who} ${progress}`)!;
    expect(progressOf('learnerA')).toContain('Download your certificate (PDF)');
    expect(progressOf('learnerB')).toMatch(/Your certificate [A-Z0-9-]+ was revoked on/);
    expect(progressOf('otherEducator')).toContain('To get your certificate, complete at least 90% of the steps');
  });

  it('sends the headers the page sends, with the page’s own script hashes', async () => {
    await restart();
    const astro = await open(world.cookies.learnerA, pathOf('hello'));
    const lane = await open(world.cookies.learnerB, pathOf('hello'));
    expect(fromShell(lane.response)).toBe(true);
    for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options']) {
      expect(lane.response.headers.get(name), name).toBe(astro.response.headers.get(name));
    }
    expect(lane.response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    expect(Number(lane.response.headers.get('content-length'))).toBe(Buffer.byteLength(lane.body));
  });

  it('keeps learners’ text as text: a marker written in a comment or a name fills nothing', async () => {
    const { response, body } = await open(world.cookies.learnerA, pathOf('hello'));
    expect(fromShell(response)).toBe(true);
    expect(body.match(/<header class="site-header">/g)).toHaveLength(1);
    expect(body.match(/class="discussion__thread"/g)).toHaveLength(1);
    expect(body).toContain('Before &lt;!--best-cpd-slot:thread--&gt; after');
    expect(body).toContain('Learner &lt;!--best-cpd-slot:header--&gt; B');
    expect(body).not.toMatch(/<!--best-cpd-slot/);
  });

  it('leaves to the page what is not the plain form: a query, a test, ended access, no session, not joined', async () => {
    const learner = world.cookies.learnerA;
    const progressQuery = await open(learner, `${progress}?from=email`);
    expect(progressQuery.response.status).toBe(200);
    expect(fromShell(progressQuery.response)).toBe(false);
    const signedOutProgress = await open('', progress);
    expect(signedOutProgress.response.status).toBe(303);
    expect(signedOutProgress.response.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(progress)}`);

    const sorted = await open(learner, `${pathOf('hello')}?sort=liked`);
    expect(sorted.response.status).toBe(200);
    expect(fromShell(sorted.response)).toBe(false);
    expect(sorted.body).toMatch(/<a href="\/courses\/fixture-basics\/steps\/hello\?sort=liked#discussion-count" aria-current="true">Most liked<\/a>/);

    const quiz = await open(learner, pathOf('practice-test'));
    expect(quiz.response.status).toBe(200);
    expect(fromShell(quiz.response)).toBe(false);
    expect(quiz.body).toContain('Submit answers');

    const head = await fetch(server!.url + pathOf('hello'), { method: 'HEAD', headers: { Cookie: learner } });
    expect(head.status).toBe(200);
    expect(fromShell(head)).toBe(false);

    const signedOut = await open('', pathOf('hello'));
    expect(signedOut.response.status).toBe(303);
    expect(signedOut.response.headers.get('location')).toBe('/courses/fixture-basics');
    const forged = await open('session=not-a-session-anyone-was-given', pathOf('hello'));
    expect(forged.response.status).toBe(303);
    expect(fromShell(forged.response)).toBe(false);

    const notJoined = await open(learner, '/courses/fixture-tiered/steps/tiered-welcome');
    expect(notJoined.response.status).toBe(303);
    expect(notJoined.response.headers.get('location')).toBe('/courses/fixture-tiered');
    expect((await open(learner, pathOf('no-such-step'))).response.status).toBe(404);
  });

  it('answers for ended limited access as the page does, never from a full learner’s shell', async () => {
    const tiered = '/courses/fixture-tiered/steps/tiered-welcome';
    const join = (cookie: string) => fetch(server!.url + '/courses/fixture-tiered', { method: 'POST', redirect: 'manual', headers: { Origin: server!.url, Cookie: cookie } });
    expect((await join(world.cookies.learnerA)).status).toBe(303);
    expect((await join(world.cookies.learnerB)).status).toBe(303);
    // B's limited access ended long ago; A made the step's shell a moment before.
    world.run("UPDATE enrolments SET joined_at = 0 WHERE course_slug = 'fixture-tiered' AND user_id = ?", world.idOf('learnerB'));
    await open(world.cookies.learnerA, tiered);
    const ended = await open(world.cookies.learnerB, tiered);
    expect(ended.response.status).toBe(200);
    expect(fromShell(ended.response)).toBe(false);
    expect(ended.body).toContain('Your limited access has ended');
    expect(ended.body).not.toContain('Mark as complete');

    await open(world.cookies.learnerA, '/courses/fixture-tiered/progress');
    const endedProgress = await open(world.cookies.learnerB, '/courses/fixture-tiered/progress');
    expect(endedProgress.response.status).toBe(200);
    expect(fromShell(endedProgress.response)).toBe(false);
    expect(endedProgress.body).toContain('Your limited access has ended');
  });

  it('slides a session past half its life, sending the renewed cookie', async () => {
    const day = 24 * 60 * 60 * 1000;
    await open(world.cookies.learnerA, pathOf('second-step'));
    world.run('UPDATE sessions SET expires_at = ? WHERE user_id = ?', Date.now() + 10 * day, world.idOf('learnerB'));
    const { response } = await open(world.cookies.learnerB, pathOf('second-step'));
    expect(fromShell(response)).toBe(true);
    expect(response.headers.get('set-cookie')?.split(';')[0]).toBe(world.cookies.learnerB);
    expect(Number(world.value('SELECT expires_at FROM sessions WHERE user_id = ?', world.idOf('learnerB')))).toBeGreaterThan(Date.now() + 29 * day);
  });
});

describe('the thread kept for learners who have no part in it', () => {
  /** The thread on C's page, which comes from the kept markup while C has written, liked and bookmarked nothing shown. */
  const threadOnPage = (page: string) => {
    const start = page.indexOf('<div class="discussion__thread"');
    return page.slice(start, page.indexOf('</section>', start)).trimEnd();
  };
  /** The thread as made afresh for C from the database, with no kept markup. */
  const freshThread = (userId: string) => {
    const { db, sqlite } = openDatabase(`${dir}/platform.db`);
    try {
      const place = placeFrom(new URLSearchParams());
      const thread = loadThread(db, { courseSlug: 'fixture-basics', stepId: 'hello' }, { id: userId, role: 'learner', teaches: false }, place);
      return threadHtml(thread, place, pathOf('hello')).value;
    } finally {
      sqlite.close();
    }
  };

  it('shows every change at once: posts, edits, likes, hiding, pinning, authors’ names and educators', async () => {
    await restart();
    const reader = await learner(server!, 'fixture-basics', 'neutral-reader@example.org');
    const readerId = String(world.value('SELECT id FROM users WHERE email = ?', 'neutral-reader@example.org'));
    const post = (who: Someone, path: string, form: Record<string, string>) =>
      fetch(server!.url + path, { method: 'POST', redirect: 'manual', headers: { Origin: server!.url, Cookie: world.cookies[who] }, body: new URLSearchParams(form) });
    const comments = `${pathOf('hello')}/comments`;
    const readerSees = async () => {
      const { response, body } = await open(reader.cookie, pathOf('hello'));
      expect(fromShell(response)).toBe(true);
      expect(threadOnPage(body)).toBe(freshThread(readerId));
      return threadOnPage(body);
    };

    // The first opening is Astro's, which keeps the step's shell; from then on the lane answers.
    expect((await open(reader.cookie, pathOf('hello'))).response.status).toBe(200);
    expect(await readerSees()).toContain('A comment by learner A.');
    expect((await post('learnerB', comments, { text: 'Fresh comment by B.' })).status).toBe(303);
    expect(await readerSees()).toContain('Fresh comment by B.');
    expect((await post('learnerA', `${comments}/${world.ids.commentOfA}/edit`, { text: 'A comment by learner A, edited.' })).status).toBe(303);
    expect(await readerSees()).toContain('A comment by learner A, edited.');
    expect(await readerSees()).not.toContain('data-like-count>1 like<');
    expect((await post('otherEducator', `${comments}/${world.ids.commentOfA}/like`, { like: 'yes' })).status).toBe(303);
    expect(await readerSees()).toContain('data-like-count>1 like<');
    expect((await post('educator', `${comments}/${world.ids.commentOfB}/moderate`, { action: 'hide' })).status).toBe(303);
    expect(await readerSees()).not.toContain('A comment by learner B.');
    expect((await post('educator', `${comments}/${world.ids.commentToModerate}/moderate`, { action: 'pin' })).status).toBe(303);
    expect(await readerSees()).toContain('Pinned by an educator');
    world.run("UPDATE users SET name = 'Renamed Learner A' WHERE id = ?", world.idOf('learnerA'));
    expect(await readerSees()).toContain('Renamed Learner A');
    expect(await readerSees()).not.toContain('<span class="badge">Educator</span>');
    world.run("UPDATE users SET role = 'educator' WHERE id = ?", world.idOf('learnerB'));
    world.run("INSERT INTO course_educators (user_id, course_slug) VALUES (?, 'fixture-basics')", world.idOf('learnerB'));
    expect(await readerSees()).toContain('<span class="badge">Educator</span>');

    // Once the reader likes a comment, their thread is made for them: the like shows as theirs.
    const readerLikes = await fetch(server!.url + `${comments}/${world.ids.commentToModerate}/like`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server!.url, Cookie: reader.cookie },
      body: new URLSearchParams({ like: 'yes' }),
    });
    expect(readerLikes.status).toBe(303);
    expect(await readerSees()).toContain('aria-pressed="true"');
  });
});

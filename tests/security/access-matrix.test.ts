import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSymbol } from '../../src/lib/certificates/number';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/security-matrix';
const databasePath = `${dir}/platform.db`;
const roles = ['anonymous', 'learnerA', 'learnerB', 'otherEducator', 'educator', 'admin'] as const;
type Who = (typeof roles)[number];
let server: RunningServer;
const cookies: Partial<Record<Who, string>> = {};
let certificate = '';
let commentOfA = '';

function db(): Database.Database {
  const handle = new Database(databasePath);
  handle.pragma('busy_timeout = 5000');
  return handle;
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4485, databasePath });
  for (const who of roles.slice(1)) cookies[who] = (await learner(server, 'fixture-basics', `${who.toLowerCase()}@example.org`)).cookie;
  // A comment by learner A, through the real form.
  const posted = await fetch(`${server.url}/courses/fixture-basics/steps/hello/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: server.url, Cookie: cookies.learnerA!, Accept: 'application/json' },
    body: new URLSearchParams({ text: 'A comment by learner A.' }),
  });
  commentOfA = ((await posted.json()) as { id: string }).id;
  // Roles and a certificate for learner A, set on the database as an admin and the rule would.
  const handle = db();
  const id = (email: string) => (handle.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;
  handle.prepare("UPDATE users SET role = 'educator' WHERE email IN ('othereducator@example.org', 'educator@example.org')").run();
  handle.prepare("UPDATE users SET role = 'admin' WHERE email = 'admin@example.org'").run();
  handle.prepare("INSERT INTO course_educators (user_id, course_slug) VALUES (?, 'best'), (?, 'fixture-basics')").run(id('othereducator@example.org'), id('educator@example.org'));
  certificate = `0123456789ABCDE${checkSymbol('0123456789ABCDE')}`;
  handle
    .prepare(
      `INSERT INTO certificates (number, user_id, course_slug, learner_name, course_title, provider, cpd_hours, approval_statement, outcomes, lead_educator, completed_at, issued_at)
       VALUES (?, ?, 'fixture-basics', 'Learner A', 'Fixture Course in Basic Skills', 'Test Provider', 2, 'Approved by nobody.', '[]', '{"role":"Lead educator"}', ?, ?)`,
    )
    .run(certificate, id('learnera@example.org'), Date.now(), Date.now());
  handle.close();
});
afterAll(() => server?.process.kill('SIGKILL'));

/** What each person gets for each address: 200 shown, 303 sent elsewhere (to sign in or to join), 403 or 404 refused. */
const matrix: { path: () => string; expect: Record<Who, number> }[] = [
  { path: () => '/', expect: { anonymous: 200, learnerA: 200, learnerB: 200, otherEducator: 200, educator: 200, admin: 200 } },
  { path: () => '/account', expect: { anonymous: 303, learnerA: 200, learnerB: 200, otherEducator: 200, educator: 200, admin: 200 } },
  { path: () => '/courses/fixture-basics/progress', expect: { anonymous: 303, learnerA: 200, learnerB: 200, otherEducator: 200, educator: 200, admin: 200 } },
  { path: () => `/certificates/${certificate}.pdf`, expect: { anonymous: 404, learnerA: 200, learnerB: 404, otherEducator: 404, educator: 404, admin: 404 } },
  { path: () => `/courses/fixture-basics/steps/hello/comments/${commentOfA}/edit`, expect: { anonymous: 303, learnerA: 200, learnerB: 403, otherEducator: 403, educator: 403, admin: 403 } },
  { path: () => '/educator', expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 200, educator: 200, admin: 200 } },
  { path: () => '/educator/courses/fixture-basics', expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 404, educator: 200, admin: 200 } },
  { path: () => '/educator/courses/fixture-basics/learners', expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 404, educator: 200, admin: 200 } },
  { path: () => '/educator/courses/fixture-basics/learners.csv', expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 404, educator: 200, admin: 200 } },
  { path: () => '/educator/moderation', expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 200, educator: 200, admin: 200 } },
  ...['/admin', '/admin/users', '/admin/certificates', '/admin/outbox', '/admin/access-codes', '/admin/organisations', '/admin/nhs-domains'].map((path) => ({
    path: () => path,
    expect: { anonymous: 404, learnerA: 404, learnerB: 404, otherEducator: 404, educator: 404, admin: 200 },
  })),
];

describe('the access matrix', () => {
  it('gives each person exactly the answer they must get, changing an id in the URL included', async () => {
    const wrong: string[] = [];
    for (const row of matrix) {
      for (const who of roles) {
        const response = await fetch(server.url + row.path(), { headers: cookies[who] ? { Cookie: cookies[who]! } : {}, redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== row.expect[who]) wrong.push(`${row.path()} as ${who}: ${response.status}, expected ${row.expect[who]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets no one change another learner’s comment or progress by naming it', async () => {
    const edit = await fetch(`${server.url}/courses/fixture-basics/steps/hello/comments/${commentOfA}/edit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: cookies.learnerB! },
      body: new URLSearchParams({ text: 'Rewritten by B' }),
    });
    expect(edit.status).toBe(403);
    const handle = db();
    expect((handle.prepare('SELECT body FROM comments WHERE id = ?').get(commentOfA) as { body: string }).body).toBe('A comment by learner A.');
    const before = (handle.prepare("SELECT count(*) AS n FROM step_completions WHERE user_id = (SELECT id FROM users WHERE email = 'learnera@example.org')").get() as { n: number }).n;
    handle.close();
    // B posting a completion that names A's id marks only B's own step.
    await fetch(`${server.url}/courses/fixture-basics/steps/second-step`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: cookies.learnerB!, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'complete', userId: 'learnera@example.org' }),
    });
    const after = db();
    expect((after.prepare("SELECT count(*) AS n FROM step_completions WHERE user_id = (SELECT id FROM users WHERE email = 'learnera@example.org')").get() as { n: number }).n).toBe(before);
    after.close();
  });
});

/**
 * A test submitted by the quiz island is answered by a fast lane in front of Astro (src/lib/quizzes/attempt-lane.ts).
 * It must give the endpoint's answers and keep its guards. A body sent as text/plain goes to the endpoint itself
 * (which reads JSON whatever the type), so both ways are asked the same things.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/attempt-lane';
const databasePath = `${dir}/platform.db`;
const practice = '/api/courses/fixture-basics/quizzes/practice/attempts';
const right = { answers: { colour: ['a'] }, layout: [['colour', ['a', 'b']]] };
let server: RunningServer;
let cookie = '';

const attempts = (): number => {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM quiz_attempts').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** As the island sends it (JSON), or as text/plain, which only the endpoint takes. */
const submit = async (body: unknown, options: { endpoint?: boolean; origin?: string; cookie?: string; path?: string; raw?: string } = {}) => {
  const response = await fetch(server.url + (options.path ?? practice), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: options.origin ?? server.url,
      Cookie: options.cookie ?? cookie,
      Accept: 'application/json',
      'Content-Type': options.endpoint ? 'text/plain' : 'application/json',
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
};

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4489, databasePath });
  cookie = (await learner(server, 'fixture-basics', 'quiz-lane@example.org')).cookie;
});
afterAll(() => server?.process.kill('SIGKILL'));

describe('the test submission lane', () => {
  it('scores and stores an attempt as the endpoint does, with the same headers', async () => {
    const fast = await submit(right);
    const page = await submit(right, { endpoint: true });
    expect(fast.status).toBe(201);
    expect(page.status).toBe(201);
    expect(fast.headers.get('server-timing')).toBe('fast-lane');
    expect(page.headers.get('server-timing')).toBeNull();
    expect(fast.body?.scored).toEqual(page.body?.scored);
    expect(fast.body?.nextLayout).toEqual(page.body?.nextLayout);
    expect(Object.keys(fast.body ?? {}).sort()).toEqual(['attemptId', 'nextLayout', 'scored']);
    expect(fast.body?.attemptId).not.toBe(page.body?.attemptId);
    expect(attempts()).toBe(2);
    for (const name of ['content-type', 'cache-control', 'x-content-type-options', 'referrer-policy']) {
      expect(fast.headers.get(name), name).toBe(page.headers.get(name));
    }
  });

  it('refuses what it cannot score with the endpoint’s message, storing nothing', async () => {
    const before = attempts();
    const unreadable = [
      { raw: '{"answers": ' },
      { raw: 'null' },
      { body: { answers: 'a' } },
      { body: { answers: { colour: ['a'] }, layout: [['colour', ['b', 'a', 'c']]] } },
      { body: { answers: { colour: ['z'] }, layout: right.layout } },
    ];
    for (const { raw, body } of unreadable) {
      const fast = await submit(body, { raw });
      const page = await submit(body, { raw, endpoint: true });
      expect(fast.status, raw ?? JSON.stringify(body)).toBe(400);
      expect(fast.headers.get('server-timing')).toBe('fast-lane');
      expect(fast.body).toEqual(page.body);
      expect(typeof fast.body?.error).toBe('string');
    }
    expect(attempts()).toBe(before);
  });

  it('keeps the guards: another site, no session, a stranger’s course, an unknown test and limited access', async () => {
    const before = attempts();
    const foreign = await fetch(server.url + practice, {
      method: 'POST',
      headers: { Origin: 'https://elsewhere.example', Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify(right),
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('This request came from another site');

    expect(await submit(right, { cookie: '' })).toMatchObject({ status: 401, body: { error: 'Sign in to submit your answers.' } });
    expect((await submit(right, { cookie: 'session=not-a-session-anyone-was-given' })).status).toBe(401);
    expect(await submit(right, { path: '/api/courses/fixture-tiered/quizzes/tiered-practice/attempts' })).toMatchObject({
      status: 404,
      body: { error: 'There is no such course you have joined.' },
    });
    expect(await submit(right, { path: '/api/courses/fixture-basics/quizzes/no-such-test/attempts' })).toMatchObject({
      status: 400,
      body: { error: 'There is no test "no-such-test" in this course.' },
    });

    const joined = await fetch(`${server.url}/courses/fixture-tiered`, { method: 'POST', redirect: 'manual', headers: { Origin: server.url, Cookie: cookie } });
    expect(joined.status).toBe(303);
    expect(await submit(right, { path: '/api/courses/fixture-tiered/quizzes/tiered-practice/attempts' })).toMatchObject({
      status: 403,
      body: { error: 'Tests need full access. Upgrade to take this test.' },
    });
    expect(attempts()).toBe(before);
  });

  it('slides a session past half its life, sending the renewed cookie', async () => {
    const day = 24 * 60 * 60 * 1000;
    const db = new Database(databasePath);
    db.pragma('busy_timeout = 5000');
    try {
      db.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = 'quiz-lane@example.org')").run(Date.now() + 10 * day);
      const renewed = await submit(right);
      expect(renewed.status).toBe(201);
      expect(renewed.headers.get('set-cookie')?.split(';')[0]).toBe(cookie);
      expect((await submit(right)).headers.get('set-cookie')).toBeNull();
    } finally {
      db.close();
    }
  });
});

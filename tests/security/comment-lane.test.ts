/**
 * A comment posted by the comment form's script is answered by a fast lane in front of Astro
 * (src/lib/discussion/post-lane.ts). It must give the comments page's answers and keep its guards: a multipart
 * body goes to the page itself, so both ways are asked the same things.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/comment-lane';
const databasePath = `${dir}/platform.db`;
const comments = '/courses/fixture-basics/steps/hello/comments';
let server: RunningServer;
let cookie = '';
let other = '';

const stored = (): string[] => {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare('SELECT body FROM comments ORDER BY created_at, body').all() as { body: string }[]).map((r) => r.body);
  } finally {
    db.close();
  }
};

/** As the script sends it (url-encoded), or multipart, which only the page takes. */
const post = async (text: string | undefined, options: { page?: boolean; origin?: string; cookie?: string; path?: string } = {}) => {
  const fields: Record<string, string> = { back: '/courses/fixture-basics/steps/hello', ...(text === undefined ? {} : { text }) };
  let body: URLSearchParams | FormData = new URLSearchParams(fields);
  if (options.page) {
    body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
  }
  const response = await fetch(server.url + (options.path ?? comments), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: options.origin ?? server.url, Cookie: options.cookie ?? cookie, Accept: 'application/json' },
    body,
  });
  const answer = await response.text();
  return { status: response.status, headers: response.headers, body: (answer.startsWith('{') ? JSON.parse(answer) : answer) as Record<string, unknown> | string };
};

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4490, databasePath });
  cookie = (await learner(server, 'fixture-basics', 'comment-lane@example.org')).cookie;
  other = (await learner(server, 'fixture-basics', 'comment-lane-2@example.org')).cookie;
});
afterAll(() => server?.process.kill('SIGKILL'));

describe('the comment posting lane', () => {
  it('stores the comment and answers with its id as the page does, with the same headers', async () => {
    const fast = await post('Posted by the lane.');
    const page = await post('Posted by the page.', { page: true });
    expect(fast.status).toBe(201);
    expect(page.status).toBe(201);
    expect(fast.headers.get('server-timing')).toBe('fast-lane');
    expect(page.headers.get('server-timing')).toBeNull();
    expect(Object.keys(fast.body as object)).toEqual(['id']);
    expect(Object.keys(page.body as object)).toEqual(['id']);
    for (const name of ['content-type', 'cache-control', 'x-content-type-options', 'referrer-policy']) {
      expect(fast.headers.get(name), name).toBe(page.headers.get(name));
    }
    expect(stored()).toEqual(['Posted by the lane.', 'Posted by the page.']);
  });

  it('refuses empty, missing and too long text with the page’s message, storing nothing', async () => {
    const before = stored();
    for (const text of ['', '   ', undefined, 'x'.repeat(5001)]) {
      const fast = await post(text);
      const page = await post(text, { page: true });
      expect(fast.status, String(text?.length)).toBe(400);
      expect(fast.headers.get('server-timing')).toBe('fast-lane');
      expect(fast.body).toEqual(page.body);
    }
    expect(stored()).toEqual(before);
  });

  it('keeps the rate limit: the eleventh post in a minute is refused with when to try again, both ways', async () => {
    for (let i = 0; i < 10; i++) expect((await post(`Quick post ${i}.`, { cookie: other })).status).toBe(201);
    const fast = await post('One too many.', { cookie: other });
    const page = await post('One too many.', { cookie: other, page: true });
    expect(fast.status).toBe(429);
    expect(fast.body).toEqual(page.body);
    expect((fast.body as { error: string }).error).toMatch(/^You can post up to 10 comments a minute\. Wait .+ and post again\.$/);
    expect(Number(fast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stored()).not.toContain('One too many.');
  });

  it('keeps the guards: another site, no session, not joined and an unknown step get the page’s answers', async () => {
    const before = stored();
    const foreign = await post('From elsewhere.', { origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('This request came from another site');
    expect(await post('Signed out.', { cookie: '' })).toMatchObject({ status: 401, body: { error: 'Sign in to take part in the discussion.' } });
    expect((await post('Forged.', { cookie: 'session=not-a-session-anyone-was-given' })).status).toBe(401);
    expect(await post('Not joined.', { path: '/courses/fixture-tiered/steps/tiered-welcome/comments' })).toMatchObject({
      status: 403,
      body: { error: 'Join this course to take part in its discussion.' },
    });
    expect((await post('Nowhere.', { path: '/courses/fixture-basics/steps/no-such-step/comments' })).status).toBe(404);
    expect(stored()).toEqual(before);
  });
});
